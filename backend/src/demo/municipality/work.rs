//! What pupils hand in and what their teachers answer: for the task's screen, I dag and Mit
//! arbejde to have something to read at every size.

use super::*;
use crate::entity::work_feedback::FeedbackKind;
use crate::entity::{portfolio_item, work_feedback};
use domain::feedback::Sticker;
use domain::pupil::WorkKind;

impl Generator<'_> {
    /// A pupil who is done with a task hands in words for it half the time; the teacher answers
    /// half of those with a sticker, meant for the family.
    pub(super) fn handed_in(&mut self, school_id: i32, pupil_id: i32, task_id: i32, teacher: i32) {
        if !self.rng.random_bool(0.5) {
            return;
        }
        let item_id = self.ids.next("portfolio_item");
        self.w.work.push(portfolio_item::ActiveModel {
            id: Set(item_id),
            pupil_id: Set(pupil_id),
            school_id: Set(school_id),
            client_key: Set(format!("gen-{item_id:08}")),
            kind: Set(WorkKind::Text),
            text: Set("Jeg har lavet opgaven.".into()),
            file_id: Set(None),
            task_id: Set(Some(task_id)),
            goal_id: Set(None),
            shared_with_family: Set(false),
            created_at: Set(self.now - 86_400),
            archived_at: Set(None),
        });
        if !self.rng.random_bool(0.5) {
            return;
        }
        let id = self.ids.next("work_feedback");
        self.w.feedback.push(work_feedback::ActiveModel {
            id: Set(id),
            school_id: Set(school_id),
            pupil_id: Set(pupil_id),
            task_id: Set(Some(task_id)),
            item_id: Set(Some(item_id)),
            author_id: Set(teacher),
            kind: Set(FeedbackKind::Sticker),
            text: Set(String::new()),
            sticker: Set(Some(Sticker::Star)),
            file_id: Set(None),
            for_family: Set(true),
            created_at: Set(self.now - 3_600),
            seen_at: Set(None),
            archived_at: Set(None),
        });
    }
}
