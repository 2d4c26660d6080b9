//! iCalendar (RFC 5545) for a child's tasks: all-day events, a day's task on its day and a week's
//! task over its school week, folded and escaped as the standard says.

use domain::calendar::Date;
use domain::pupil::TodayTask;

/// Text as an iCalendar TEXT value: backslash, semicolon, comma and newlines escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a UTF-8 character), ending in CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn compact(date: Date) -> String {
    date.to_string().replace('-', "")
}

/// The feed of `tasks` for `child`, stamped `now` (`YYYYMMDDTHHMMSSZ`).
pub fn render(child: &str, tasks: &[TodayTask], now: &str) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Spire//Spire læringsplatform//DA",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    fold(
        &format!("X-WR-CALNAME:{}", escape(&format!("Spire: {child}"))),
        &mut out,
    );
    for task in tasks {
        let start = task.due;
        // A week's task spans Monday to Friday; DTEND is exclusive.
        let end = start
            .add_days(if task.this_week { 5 } else { 1 })
            .unwrap_or(start);
        fold("BEGIN:VEVENT", &mut out);
        fold(
            &format!("UID:task-{}-{}@spire", task.id, compact(start)),
            &mut out,
        );
        fold(&format!("DTSTAMP:{now}"), &mut out);
        fold(&format!("DTSTART;VALUE=DATE:{}", compact(start)), &mut out);
        fold(&format!("DTEND;VALUE=DATE:{}", compact(end)), &mut out);
        fold(&format!("SUMMARY:{}", escape(&task.title)), &mut out);
        let mut description = task.instruction.clone();
        description.push_str(&format!("\n{}", task.unit_title));
        for m in &task.materials {
            description.push_str(&format!("\n{}: {}", m.title, m.url));
        }
        fold(&format!("DESCRIPTION:{}", escape(&description)), &mut out);
        fold("TRANSP:TRANSPARENT", &mut out);
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::planning::TaskIcon;
    use domain::school::Subject;

    fn task(title: &str, this_week: bool) -> TodayTask {
        let due = Date::new(2026, 11, 23).unwrap();
        TodayTask {
            id: 7,
            title: title.into(),
            instruction: "Læs side 3; tæl, og skriv\nsvaret".into(),
            icon: TaskIcon::Read,
            subject: Subject::Dansk,
            unit_title: "Eventyr".into(),
            this_week,
            due,
            materials: vec![],
            goals: vec![],
            done: false,
            feedback: vec![],
        }
    }

    #[test]
    fn every_line_ends_in_crlf_and_is_at_most_75_octets() {
        let long = "Æbler og pærer ".repeat(10);
        let ics = render("Ida Jensen", &[task(&long, false)], "20261123T080000Z");
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for line in ics.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line}");
        }
        assert!(!ics.replace("\r\n", "").contains('\n'), "no bare newlines");
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}", long.trim_end())));
    }

    #[test]
    fn text_is_escaped_and_a_weeks_task_spans_the_school_week() {
        let ics = render("Ida", &[task("Uge", true)], "20261123T080000Z");
        assert!(ics.contains("DESCRIPTION:Læs side 3\\; tæl\\, og skriv\\nsvaret\\nEventyr"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20261123\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20261128\r\n"));
    }
}
