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
/// `inside` makes it a part of a panel (a smaller heading, no card of its own).
#[component]
pub(super) fn ArchiveSection(
    label: PlanningKey,
    on_confirmed: Callback<()>,
    #[prop(optional)] inside: bool,
) -> impl IntoView {
    let heading = if inside {
        view! { <h3 id="archive-title">{t(label)}</h3> }.into_any()
    } else {
        view! { <h2 id="archive-title">{t(label)}</h2> }.into_any()
    };
    view! {
        <section class=if inside { "danger-zone inside" } else { "card danger-zone" } aria-labelledby="archive-title">
            {heading}
            // The explanation and its button on one row, last on the page and out of the way.
            <div class="plan-row">
                <p class="plan-row-text">{t(PlanningKey::ArchiveExplained)}</p>
                <div class="plan-row-actions">
                    <button type="button" on:click=move |_| {
                        if crate::components::confirmed(t(PlanningKey::ConfirmArchive)) {
                            on_confirmed.run(());
                        }
                    }>
                        {t(label)}
                    </button>
                </div>
            </div>
        </section>
    }
}
