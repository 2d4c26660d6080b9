//! The family's side: a calm, phone-first view of the guardian's children.

use crate::components::{AppHeader, AvatarPicture, ReadAloudButton, set_title};
use crate::i18n::{Key, subject_name, t};
use domain::home::ParentHome;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ParentHomeView(home: ParentHome) -> impl IntoView {
    set_title(t(Key::ParentTitle));
    let empty = home.children.is_empty();
    view! {
        <AppHeader me=home.me.clone() />
        <main id="indhold" class="page">
            <div class="title-row">
                <h1>{t(Key::ParentTitle)}</h1>
                <ReadAloudButton />
            </div>
            <p><A href=crate::paths::READING>{t(Key::ReadingTitle)}</A></p>
            {empty.then(|| view! { <p>{t(Key::ParentNoChildren)}</p> })}
            <ul class="card-list" aria-label=t(Key::ParentTitle)>
                {home.children.into_iter().map(|child| {
                    let subjects = child.subjects.iter().map(|s| subject_name(*s)).collect::<Vec<_>>().join(", ");
                    let plan_href = format!("{}/{}", crate::paths::COLLECTED_PLAN, child.id);
                    let plan_label = format!("{} {} {}", t(Key::CollectedPlan), t(Key::ForWord), child.name);
                    view! {
                        <li class="card child">
                            <AvatarPicture avatar=child.avatar size=56 />
                            <div>
                                <h2>{child.name}</h2>
                                <p>{child.class_name}</p>
                                <p>{t(Key::ParentSubjects)}": "{subjects}</p>
                                <p>
                                    <A href=plan_href>{plan_label}</A>
                                </p>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </main>
    }
}
