//! Danish text: the documents the server writes as plain pages — the audit trail of a pupil's
//! data and the accessibility statement. The Wasm builds use only the links to them.

use super::Text;
use domain::audit::{AuditAct, AuditTopic};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKey {
    TrailCaption,
    TrailWhen,
    TrailWho,
    TrailRole,
    TrailWhat,
    TrailAct,
    TrailFrom,
    TrailEmpty,
    TrailFromUnknown,
    TrailNotEditable,
    Back,
}

impl Text for DocumentKey {
    fn danish(self) -> &'static str {
        match self {
            DocumentKey::TrailCaption => "Adgangslog",
            DocumentKey::TrailWhen => "Tidspunkt",
            DocumentKey::TrailWho => "Hvem",
            DocumentKey::TrailRole => "Rolle",
            DocumentKey::TrailWhat => "Hvad",
            DocumentKey::TrailAct => "Så eller ændrede",
            DocumentKey::TrailFrom => "Fra netværksadresse",
            DocumentKey::TrailEmpty => "Ingen har set eller ændret noget endnu.",
            DocumentKey::TrailFromUnknown => "ukendt",
            DocumentKey::TrailNotEditable => {
                "Loggen skrives af Spire selv. Ingen – heller ikke skolens ledelse – kan rette eller slette i den."
            }
            DocumentKey::Back => "Tilbage til forsiden",
        }
    }
}

/// What part of a pupil's data a line of the trail is about.
pub fn audit_topic(topic: AuditTopic) -> &'static str {
    match topic {
        AuditTopic::Evaluations => "Evalueringer",
        AuditTopic::Plan => "Elevplan",
        AuditTopic::Work => "Elevens arbejde",
        AuditTopic::Feedback => "Svar fra læreren",
        AuditTopic::Evidence => "Belæg for et mål",
        AuditTopic::Package => "Elevpakke (alle oplysninger)",
    }
}

pub fn audit_act(act: AuditAct) -> &'static str {
    match act {
        AuditAct::Read => "så",
        AuditAct::Change => "ændrede",
    }
}

/// "Dinas", "Lars'": the Danish genitive of a name.
fn genitive(name: &str) -> String {
    if name.ends_with(['s', 'x', 'z', 'S', 'X', 'Z']) {
        format!("{name}'")
    } else {
        format!("{name}s")
    }
}

pub fn audit_title(pupil: &str) -> String {
    format!("Hvem har set og ændret {} oplysninger", genitive(pupil))
}

pub fn audit_intro(pupil: &str, retention_days: u32) -> String {
    format!(
        "Her står hver gang en anden end {pupil} har set {g} evalueringer, elevplaner eller arbejde, \
         og hver ændring af dem, med hvem og hvornår. Hver linje gemmes i {retention_days} dage.",
        g = genitive(pupil)
    )
}

pub fn audit_newest(shown: usize) -> String {
    format!("Her vises de nyeste {shown} linjer. Skolen kan give jer hele loggen.")
}

/// The link to a pupil's trail, on the family's child page and the leader's elevplan page.
pub fn audit_link(pupil: &str) -> String {
    format!("Hvem har set {} oplysninger", genitive(pupil))
}

/// The accessibility statement, in the order of Digitaliseringsstyrelsen's WAS template (the EU
/// model statement): status, what is not accessible, how the statement was made, contact, and the
/// complaint route.
pub mod statement {
    pub struct Section {
        pub heading: &'static str,
        pub paragraphs: &'static [&'static str],
        pub items: &'static [&'static str],
    }

    pub const TITLE: &str = "Tilgængelighedserklæring for Spire";
    pub const INTRO: &str = "Kommunen, der driver Spire, vil gøre læringsplatformen tilgængelig \
        for alle, som lov om tilgængelighed af offentlige organers websteder og mobilapplikationer \
        kræver. Erklæringen gælder Spire, som elever, forældre og personale bruger den.";
    pub const OFFICIAL: &str = "Se kommunens officielle tilgængelighedserklæring (WAS)";
    pub const CONTACT_HEADING: &str = "Feedback og kontaktoplysninger";
    pub const ENFORCEMENT_HEADING: &str = "Håndhævelsesprocedure";
    pub const NO_CONTACT: &str = "Kontakt skolens kontor. Kommunen har ikke skrevet sin \
        kontaktadresse for tilgængelighed ind i Spire endnu.";
    pub const COMPLAINT_URL: &str = "https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/";
    pub const COMPLAINT_LINK: &str = "Klag til Digitaliseringsstyrelsen";

    pub const SECTIONS: &[Section] = &[
        Section {
            heading: "Overholdelsesstatus",
            paragraphs: &[
                "Spire overholder delvist standarden EN 301 549 og WCAG 2.2 på niveau AA. \
                 Det, der ikke overholdes endnu, står herunder.",
            ],
            items: &[],
        },
        Section {
            heading: "Ikke-tilgængeligt indhold",
            paragraphs: &["Dette er ikke tilgængeligt endnu, fordi det ikke er lavet færdigt:"],
            items: &[
                "Når man skifter side, bliver fokus ikke flyttet til den nye side, og skift af side \
                 bliver ikke læst op af skærmlæsere.",
                "Elevernes indtalte refleksioner og lærernes indtalte svar har kun en tekst, hvis \
                 læreren skriver en.",
                "Elevernes ansigter til selvevaluering er tegn fra enhedens skrifttype og kan se \
                 forskellige ud eller mangle på nogle enheder.",
            ],
        },
        Section {
            heading: "Udarbejdelse af denne erklæring",
            paragraphs: &[
                "Erklæringen er lavet den 7. december 2026 og gennemgås mindst en gang om året.",
                "Metode: selvevaluering. Hver skærm testes automatisk med axe (WCAG 2.0, 2.1 og 2.2, \
                 niveau A og AA, og størrelsen på det, man trykker på) for hver rolle, der ser den, \
                 på iPad, telefon og bærbar, hver gang Spire ændres. Skærmene findes i testene ved \
                 deres roller og navne, som en skærmlæser finder dem, og betjenes med tastatur.",
            ],
            items: &[],
        },
        Section {
            heading: CONTACT_HEADING,
            paragraphs: &[
                "Oplever du noget i Spire, der ikke er tilgængeligt, så fortæl os det. Du kan også \
                 bede om indhold, der ikke er tilgængeligt, i en anden form. Skriv ikke cpr-nummer \
                 eller andre følsomme oplysninger.",
            ],
            items: &[],
        },
        Section {
            heading: ENFORCEMENT_HEADING,
            paragraphs: &[
                "Kontakt først kommunen. Får du ikke svar inden for 10 arbejdsdage, eller er du ikke \
                 tilfreds med svaret, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn \
                 med loven.",
            ],
            items: &[],
        },
    ];
}

/// The footer link on every screen.
pub const STATEMENT_LINK: &str = "Tilgængelighedserklæring";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_takes_the_danish_genitive() {
        assert_eq!(
            audit_title("Dina Holm"),
            "Hvem har set og ændret Dina Holms oplysninger"
        );
        assert_eq!(audit_link("Lars"), "Hvem har set Lars' oplysninger");
    }
}
