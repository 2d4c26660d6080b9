//! Small pieces several planning screens share: icons for materials, dates from date
//! fields, and the archive button with its confirmation.

use crate::i18n::PlanningKey;
use crate::i18n::t;
use domain::Field;
use domain::calendar::Date;
use domain::planning::MaterialKind;
use leptos::prelude::*;

pub(super) fn date_of(text: &str) -> Option<Date> {
    Date::parse(text, Field::Date).ok()
}

pub(super) fn material_icon(kind: MaterialKind) -> icondata::Icon {
    match kind {
        MaterialKind::Office365 => icondata::LuFileText,
        MaterialKind::GoogleDocs => icondata::LuFileText,
        MaterialKind::Link => icondata::LuExternalLink,
        MaterialKind::File => icondata::LuPaperclip,
    }
}

/// "Arkivér …", said plainly: nothing is deleted, and it can be brought back. Asks first.
#[component]
pub(super) fn ArchiveSection(label: PlanningKey, on_confirmed: Callback<()>) -> impl IntoView {
    view! {
        <section class="card danger-zone" aria-labelledby="archive-title">
            <h2 id="archive-title">{t(label)}</h2>
            <p>{t(PlanningKey::ArchiveExplained)}</p>
            <button type="button" on:click=move |_| {
                if crate::components::confirmed(t(PlanningKey::ConfirmArchive)) {
                    on_confirmed.run(());
                }
            }>
                {t(label)}
            </button>
        </section>
    }
}
