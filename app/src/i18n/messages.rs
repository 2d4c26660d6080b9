//! Texts that take their arguments. The words around an argument, and where it stands, are the
//! catalogue's: a screen passes the name, never glues a label to it.

/// "Skift til lærer".
pub fn switch_role_to(role: &str) -> String {
    format!("Skift til {role}")
}

/// The label of a pupil's class choice: "Ny klasse for Ida Jensen".
pub fn new_class_for(pupil: &str) -> String {
    format!("Ny klasse for {pupil}")
}

/// "Meld ud: Ida Jensen".
pub fn mark_left(pupil: &str) -> String {
    format!("Meld ud: {pupil}")
}

/// "Hent elevpakke for Ida Jensen": the pupil's records as a file, to send with them.
pub fn download_package_of(pupil: &str) -> String {
    format!("Hent elevpakke for {pupil}")
}

/// "Tilknyt forælder til Ida Jensen".
pub fn link_guardian_to(pupil: &str) -> String {
    format!("Tilknyt forælder til {pupil}")
}

/// "Gem skoleår 2026/27".
pub fn save_school_year(year: &str) -> String {
    format!("Gem skoleår {year}")
}

/// "Efterårsferie 2026/27", a holiday's fields in the school year's form.
pub fn holiday_in_year(kind: domain::school_year::HolidayKind, year: &str) -> String {
    format!("{} {year}", super::holiday_name(kind))
}

/// "Skoleår 2026/27".
pub fn school_year(year: &str) -> String {
    format!("Skoleår {year}")
}

/// A pupil package's origin line: "Solskin Skole · hentet 7. december 2026".
pub fn package_origin(school: &str, exported_on: &str) -> String {
    format!("{school} · hentet {exported_on}")
}

/// "Planlægning 2026/27".
pub fn planning_for_year(year: &str) -> String {
    format!("Planlægning {year}")
}

/// "Titel på årsplanen for Matematik 1.A".
pub fn year_plan_title_for(team: &str) -> String {
    format!("Titel på årsplanen for {team}")
}

/// "Opret årsplan for Matematik 1.A".
pub fn create_year_plan_for(team: &str) -> String {
    format!("Opret årsplan for {team}")
}

/// "Gendan Tal til 20".
pub fn restore(what: &str) -> String {
    format!("Gendan {what}")
}

/// "Kopieret fra Eventyr (Anne Holm)".
pub fn copied_from(origin: &str) -> String {
    format!("Kopieret fra {origin}")
}

/// The label of a material's name field: "Navn på materiale 2".
pub fn material_name_label(number: usize) -> String {
    format!("Navn på materiale {number}")
}

/// The label of a material's link field: "Link til materiale 2".
pub fn material_link_label(number: usize) -> String {
    format!("Link til materiale {number}")
}

/// "Gør til klasse-iPad for 1.A".
pub fn make_class_ipad_for(class: &str) -> String {
    format!("Gør til klasse-iPad for {class}")
}

/// "Lav nye login-kort til 1.A".
pub fn make_login_cards_for(class: &str) -> String {
    format!("Lav nye login-kort til {class}")
}

/// The label of a pupil's variant choice: "Udgave til Ida Jensen".
pub fn variant_for(pupil: &str) -> String {
    format!("Udgave til {pupil}")
}

/// "Se forløbet Eventyr".
pub fn preview_unit(title: &str) -> String {
    format!("Se forløbet {title}")
}

/// The library preview's heading: "Forløbet Eventyr".
pub fn the_unit(title: &str) -> String {
    format!("Forløbet {title}")
}

/// "Kopiér Eventyr".
pub fn copy_unit(title: &str) -> String {
    format!("Kopiér {title}")
}

/// The pupil's greeting: "Hej Ida!".
pub fn greeting(first_name: &str) -> String {
    format!("Hej {first_name}!")
}

/// The weekly letter's line on shared work: "Delt med jer i denne uge: 3 ting".
pub fn shared_this_week(things: u32) -> String {
    format!("Delt med jer i denne uge: {things} ting")
}

/// "Deaktivér Anne Holm".
pub fn deactivate(name: &str) -> String {
    format!("Deaktivér {name}")
}

/// "Genaktivér Anne Holm".
pub fn reactivate(name: &str) -> String {
    format!("Genaktivér {name}")
}

/// "Fjern rollen lærer fra Camilla Berg".
pub fn remove_role(role: &str, name: &str) -> String {
    format!("Fjern rollen {role} fra {name}")
}

/// "Lav kode til ny adgangskode for Anne Holm".
pub fn make_reset_code_for(name: &str) -> String {
    format!("Lav kode til ny adgangskode for {name}")
}

/// The one-time code, shown once to whoever hands it over.
pub fn reset_code_for(name: &str, code: &str) -> String {
    format!(
        "Kode til ny adgangskode for {name}: {code}. Giv den til {name} personligt. Den virker én gang og i 3 døgn, og den vises ikke igen."
    )
}

/// The label of a person's UNI-ID field: "UNI-ID for Anne Holm".
pub fn uni_id_for(name: &str) -> String {
    format!("UNI-ID for {name}")
}

/// "Fjern adgang for Mette Jensen til Ida Jensen".
pub fn remove_guardian_access(guardian: &str, pupil: &str) -> String {
    format!("Fjern adgang for {guardian} til {pupil}")
}

/// "Giv Mette Jensen adgang til Ida Jensen igen".
pub fn restore_guardian_access(guardian: &str, pupil: &str) -> String {
    format!("Giv {guardian} adgang til {pupil} igen")
}

/// A roster file's line that names the same person as another: "Samme person som linje 4, med
/// andet navn, klasse eller UNI-ID."
pub fn same_person_as_line(line: u32) -> String {
    format!("Samme person som linje {line}, med andet navn, klasse eller UNI-ID.")
}

/// While the server checks a roster file: "Kontrollerer 612 linjer …".
pub fn import_checking(lines: usize) -> String {
    match lines {
        1 => "Kontrollerer 1 linje …".to_owned(),
        n => format!("Kontrollerer {n} linjer …"),
    }
}

/// While the server applies a roster file: "Gennemfører importen af 612 linjer …".
pub fn import_applying(lines: u32) -> String {
    match lines {
        1 => "Gennemfører importen af 1 linje …".to_owned(),
        n => format!("Gennemfører importen af {n} linjer …"),
    }
}

/// A pupil the import moves: "Otto Lind: fra 2.C til 3.C".
pub fn pupil_moves(name: &str, from: &str, to: &str) -> String {
    format!("{name}: fra {from} til {to}")
}

/// A pupil who comes back to the school: "Otto Lind: tilbage på skolen i 3.C".
pub fn pupil_returns(name: &str, to: &str) -> String {
    format!("{name}: tilbage på skolen i {to}")
}

/// "Tag Ida Jensen af holdet".
pub fn remove_from_team(name: &str) -> String {
    format!("Tag {name} af holdet")
}

/// "Elever og lærere på Dansk 1.A".
pub fn open_team(team: &str) -> String {
    format!("Elever og lærere på {team}")
}

/// A hold's history: "7. december 2026: Ida Jensen kom på holdet".
pub fn membership_event(name: &str, change: domain::teams::MembershipChange, on: &str) -> String {
    use domain::teams::MembershipChange;
    let what = match change {
        MembershipChange::Joined => "kom på holdet",
        MembershipChange::Removed => "blev taget af holdet",
        MembershipChange::MovedClass => "skiftede klasse og forlod holdet",
        MembershipChange::LeftSchool => "gik ud af skolen",
    };
    format!("{on}: {name} {what}")
}

/// Before a pupil moves class: what happens to their hold, for the leader to confirm.
pub fn confirm_move(name: &str, class: &str, leaves: &[String], joins: &[String]) -> String {
    let mut text = format!("Flyt {name} til {class}?");
    if !leaves.is_empty() {
        text.push_str(&format!("\n\nForlader holdene: {}.", leaves.join(", ")));
    }
    if !joins.is_empty() {
        text.push_str(&format!("\nKommer på holdene: {}.", joins.join(", ")));
    }
    text.push_str("\n\nAlt, hvad eleven har lavet og fået, bliver hos eleven.");
    text
}

/// Before a pupil is marked as having left: the hold they leave.
pub fn confirm_mark_left(name: &str, leaves: &[String]) -> String {
    let mut text = format!("Meld {name} ud af skolen? Eleven kan ikke længere logge ind.");
    if !leaves.is_empty() {
        text.push_str(&format!("\n\nForlader holdene: {}.", leaves.join(", ")));
    }
    text.push_str("\n\nAlt, hvad eleven har lavet og fået, bliver gemt.");
    text
}

/// "Åbn skoleåret 2027/28".
pub fn open_school_year(year: &str) -> String {
    format!("Åbn skoleåret {year}")
}

pub fn new_year_intro(from: &str, to: &str) -> String {
    format!(
        "Skoleåret {to} er begyndt. Klasserne fra {from} rykker et klassetrin op med deres elever, og klassernes hold følger med deres lærere. Alt fra {from} bliver, som det var, og kan læses."
    )
}

pub fn confirm_open_school_year(year: &str) -> String {
    format!("Åbn skoleåret {year}? Klasserne rykker op, og 9. klasse går ud af skolen.")
}

/// "1.A bliver 2.A (10 elever)".
pub fn class_moves_up(from: &str, to: &str, pupils: u32) -> String {
    format!("{from} bliver {to} ({})", super::counts::pupils(pupils))
}

/// Why a class becomes what it does when the year opens from a roster file:
/// "1.A bliver 2.A (10 elever): hele årgangen rykker op".
pub fn class_continues(
    from: &str,
    to: &str,
    pupils: u32,
    why: domain::roster::ClassMatchRule,
) -> String {
    use domain::roster::ClassMatchRule;
    let moves = class_moves_up(from, to, pupils);
    match why {
        ClassMatchRule::YearGroupMovedUp => format!("{moves}: hele årgangen rykker op"),
        ClassMatchRule::SamePupils { percent } => format!("{moves}: {percent} % de samme elever"),
        ClassMatchRule::MovesUp | ClassMatchRule::Graduates | ClassMatchRule::Ends => moves,
    }
}

/// "4.D slutter (2 elever): eleverne går i de klasser, filen sætter dem i".
pub fn class_ends(from: &str, pupils: u32) -> String {
    format!(
        "{from} slutter ({}): eleverne går i de klasser, filen sætter dem i",
        super::counts::pupils(pupils)
    )
}

/// The button and its question when the year opens from a roster file.
pub fn open_school_year_from_file(year: &str) -> String {
    format!("Åbn skoleåret {year} med elevlisten")
}

pub fn confirm_open_school_year_from_file(year: &str) -> String {
    format!("Åbn skoleåret {year} med elevlisten? Klasserne bliver, som listen viser.")
}

/// "9.C går ud af skolen (24 elever)".
pub fn class_leaves(from: &str, pupils: u32) -> String {
    format!(
        "{from} går ud af skolen ({})",
        super::counts::pupils(pupils)
    )
}

/// "Dansk 1.A bliver Dansk 2.A med Anne Holm og Pia Lund".
pub fn team_carried(from: &str, to: &str, teachers: &[String]) -> String {
    match teachers {
        [] => format!("{from} bliver {to}"),
        [one] => format!("{from} bliver {to} med {one}"),
        [rest @ .., last] => format!("{from} bliver {to} med {} og {last}", rest.join(", ")),
    }
}

/// Hold across classes, not carried into the new year.
pub fn teams_not_carried(names: &[String]) -> String {
    format!(
        "Hold på tværs af klasser følger ikke med og oprettes igen: {}.",
        names.join(", ")
    )
}

/// "Kopiér til Dansk 2.A".
pub fn copy_year_plan_into(team: &str) -> String {
    format!("Kopiér til {team}")
}

/// An earlier year's årsplan: "Årsplan dansk (Dansk 1.A, 2026/27)".
pub fn earlier_plan(title: &str, team: &str, year: &str) -> String {
    format!("{title} ({team}, {year})")
}

/// An earlier year's published elevplan: "Dansk, 2025/26".
pub fn plan_of_year(plan: &str, year: &str) -> String {
    format!("{plan}, {year}")
}

/// The button that opens an own subject for correcting: "Ret Udeskole".
pub fn edit_subject(name: &str) -> String {
    format!("Ret {name}")
}

/// An own subject's grades: "0.–3. klasse", or "5. klasse" for one grade.
pub fn grade_span(first: u8, last: u8) -> String {
    if first == last {
        format!("{first}. klasse")
    } else {
        format!("{first}.–{last}. klasse")
    }
}

/// The task screen's title: "Tæl bladene: elevernes arbejde".
pub fn task_returns_title(task: &str) -> String {
    format!("{task}: elevernes arbejde")
}

/// A goal's remove button, named with the goal it removes: "Fjern mål: Jeg kan tælle til 20".
pub fn remove_goal(goal: &str) -> String {
    format!("Fjern mål: {goal}")
}

/// A task's edit button, and the form while it edits that task: "Ret opgave: Tegn eventyret".
pub fn edit_task(task: &str) -> String {
    format!("Ret opgave: {task}")
}

/// A task's archive button: "Arkivér opgave: Tegn eventyret".
pub fn archive_task(task: &str) -> String {
    format!("Arkivér opgave: {task}")
}

/// The link from a forløb's task to what pupils did with it.
pub fn see_pupils_work(task: &str) -> String {
    format!("Se elevernes arbejde: {task}")
}

/// How many of a task's pupils are done: "1 af 3 er færdige".
pub fn done_of(done: u32, total: u32) -> String {
    if total == 1 {
        format!("{done} af 1 er færdig")
    } else {
        format!("{done} af {total} er færdige")
    }
}

/// A pupil's picture as a teacher's screen reader names it: "Billede fra Karl Rasmussen".
pub fn picture_by(pupil: &str) -> String {
    format!("Billede fra {pupil}")
}

/// What came in for a task this week: "2 afleveringer, 1 færdig".
pub fn news_counts(handed_in: u32, done: u32) -> String {
    let work = handed_in_count(handed_in);
    let done = if done == 1 {
        "1 færdig".to_owned()
    } else {
        format!("{done} færdige")
    };
    format!("{work}, {done}")
}

/// A task of the week on the teacher's home: "3 af 22 færdige, 2 afleveringer".
pub fn week_task_counts(done: u32, pupils: u32, handed_in: u32) -> String {
    format!("{done} af {pupils} færdige, {}", handed_in_count(handed_in))
}

fn handed_in_count(n: u32) -> String {
    if n == 1 {
        "1 aflevering".to_owned()
    } else {
        format!("{n} afleveringer")
    }
}

/// Who answered and when: "Fra Anne Holm, 6. december".
pub fn answer_from(author: &str, date: &str) -> String {
    format!("Fra {author}, {date}")
}

/// A recorded answer as a screen reader names its player: "Indtalt svar fra Anne Holm".
pub fn voice_answer_from(author: &str) -> String {
    format!("Indtalt svar fra {author}")
}

/// How many pieces of a pupil's work are evidence for a goal, in a grid cell: "2 som belæg".
pub fn evidence_count(n: u32) -> String {
    format!("{n} som belæg")
}

/// The heading of a pupil's work in a hold: "Arbejde fra Bertil Bo".
pub fn work_from(pupil: &str) -> String {
    format!("Arbejde fra {pupil}")
}

/// The way from a task's screen to all a pupil made in the hold: "Alt fra Bertil Bo i år".
pub fn all_work_of(pupil: &str) -> String {
    format!("Alt fra {pupil} i år")
}

/// A pupil's evaluations over time, to be heard: "3. november: På vej. 6. december: Det kan jeg."
pub fn progress_told(entries: &[(String, String)]) -> String {
    entries
        .iter()
        .map(|(day, word)| format!("{day}: {word}."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many of a hold's pupils are on a step: "Det kan jeg: 4 af 10 elever".
pub fn on_step(step: &str, pupils: u32, of: u32) -> String {
    if of == 1 {
        format!("{step}: {pupils} af 1 elev")
    } else {
        format!("{step}: {pupils} af {of} elever")
    }
}

/// One evaluation in a pupil's progress: "6. december: Det kan jeg".
pub fn evaluated_on(day: &str, step: &str) -> String {
    format!("{day}: {step}")
}

/// When a pupil recorded their reflection, under its player: "Indtalt 6. december 2026".
pub fn recorded_on(day: &str) -> String {
    format!("Indtalt {day}")
}

/// Where and when a piece from an earlier school was made: "Lavet på Nabo Skole, 3. marts 2025".
pub fn made_at_school(school: &str, day: &str) -> String {
    format!("Lavet på {school}, {day}")
}

/// An open class iPad in the leader's list: "1.A – åbnet 2026-12-07 08:05 af Anne Holm, 2 elever
/// logget ind".
pub fn open_device(class: &str, opened_at: &str, by: &str, pupils: u32) -> String {
    format!(
        "{class} – åbnet {opened_at} af {by}, {} logget ind",
        super::counts::pupils(pupils)
    )
}

pub fn close_device(class: &str) -> String {
    format!("Luk klasse-iPad'en for {class}")
}

pub fn confirm_close_device(class: &str) -> String {
    format!("Vil du lukke klasse-iPad'en for {class}? Eleverne på den bliver logget ud.")
}

/// The timeline's handles and body, named by the forløb they move.
pub fn move_unit(title: &str) -> String {
    format!("Flyt {title}")
}

pub fn unit_first_week(title: &str) -> String {
    format!("Første uge for {title}")
}

pub fn unit_last_week(title: &str) -> String {
    format!("Sidste uge for {title}")
}

/// Announced once a move on the timeline is saved: "Eventyr ligger nu i uge 39–41."
pub fn unit_placed(title: &str, weeks: &str) -> String {
    format!("{title} ligger nu i {weeks}.")
}

/// "uge 42", a week as a slider's value reads it.
pub fn week_value(week: u8) -> String {
    format!("uge {week}")
}

/// "uge 39–41", or "uge 39" for one week.
pub fn weeks_value(first: u8, last: u8) -> String {
    if first == last {
        format!("uge {first}")
    } else {
        format!("uge {first}–{last}")
    }
}

/// A week in a list of the school year's weeks: "Uge 42 · 12. oktober · efterårsferie".
pub fn week_choice(week: u8, monday: &str, holiday: Option<&str>) -> String {
    match holiday {
        Some(name) => format!("Uge {week} · {monday} · {}", name.to_lowercase()),
        None => format!("Uge {week} · {monday}"),
    }
}

/// A holiday under the timeline: "Efterårsferie: uge 42".
pub fn holiday_weeks(name: &str, weeks: &str) -> String {
    format!("{name}: {weeks}")
}

/// "Sommerferie fra 26. juni".
pub fn summer_from(date: &str) -> String {
    format!("Sommerferie fra {date}")
}

/// The week header's hidden words for a week with a holiday: "uge 42, efterårsferie".
pub fn week_with_holiday(week: u8, holiday: &str) -> String {
    format!("uge {week}, {}", holiday.to_lowercase())
}

/// "Åbn Eventyr".
pub fn open_unit(title: &str) -> String {
    format!("Åbn {title}")
}

/// A forløb's goals at a glance: "2 mål, heraf 1 med elevens egen vurdering".
pub fn goals_summary(goals: usize, pupils_evaluate: usize) -> String {
    let all = super::counts::goals(goals as u64);
    if pupils_evaluate == 0 {
        all
    } else {
        format!("{all}, heraf {pupils_evaluate} med elevens egen vurdering")
    }
}

/// The forløb with goals in a kompetenceområde: "2 forløb: Eventyr, Rim".
pub fn area_units(titles: &[String]) -> String {
    format!(
        "{}: {}",
        super::counts::units(titles.len() as u64),
        titles.join(", ")
    )
}

/// The årsplan's coverage at a glance: "3 af 4 kompetenceområder har mål i et forløb".
pub fn areas_covered(covered: usize, areas: usize) -> String {
    let noun = if areas == 1 {
        "kompetenceområde"
    } else {
        "kompetenceområder"
    };
    format!("{covered} af {areas} {noun} har mål i et forløb")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_teachers_week_and_the_plans_coverage_count_in_danish() {
        assert_eq!(week_task_counts(3, 22, 1), "3 af 22 færdige, 1 aflevering");
        assert_eq!(week_task_counts(0, 1, 2), "0 af 1 færdige, 2 afleveringer");
        assert_eq!(
            areas_covered(1, 4),
            "1 af 4 kompetenceområder har mål i et forløb"
        );
        assert_eq!(
            areas_covered(0, 1),
            "0 af 1 kompetenceområde har mål i et forløb"
        );
        assert_eq!(
            goals_summary(2, 1),
            "2 mål, heraf 1 med elevens egen vurdering"
        );
        assert_eq!(goals_summary(1, 0), "1 mål");
        assert_eq!(
            area_units(&["Eventyr".into(), "Rim".into()]),
            "2 forløb: Eventyr, Rim"
        );
    }

    #[test]
    fn progress_is_told_day_by_day_and_a_step_counts_the_holds_pupils() {
        assert_eq!(
            progress_told(&[
                ("3. november".into(), "På vej".into()),
                ("6. december".into(), "Det kan jeg".into())
            ]),
            "3. november: På vej. 6. december: Det kan jeg."
        );
        assert_eq!(on_step("På vej", 4, 10), "På vej: 4 af 10 elever");
        assert_eq!(on_step("På vej", 1, 1), "På vej: 1 af 1 elev");
    }

    #[test]
    fn what_came_in_for_a_task_is_counted_in_danish() {
        assert_eq!(news_counts(1, 1), "1 aflevering, 1 færdig");
        assert_eq!(news_counts(2, 0), "2 afleveringer, 0 færdige");
    }

    #[test]
    fn a_tasks_count_of_done_pupils_agrees_with_its_number() {
        assert_eq!(done_of(1, 3), "1 af 3 er færdige");
        assert_eq!(done_of(0, 1), "0 af 1 er færdig");
    }

    #[test]
    fn an_own_subjects_grades_read_as_one_class_or_a_span() {
        assert_eq!(grade_span(0, 3), "0.–3. klasse");
        assert_eq!(grade_span(5, 5), "5. klasse");
    }

    #[test]
    fn each_message_puts_its_argument_where_danish_wants_it() {
        assert_eq!(restore("Tal til 20"), "Gendan Tal til 20");
        assert_eq!(greeting("Ida"), "Hej Ida!");
        assert_eq!(mark_left("Ida Jensen"), "Meld ud: Ida Jensen");
        assert_eq!(material_link_label(2), "Link til materiale 2");
        assert_eq!(
            package_origin("Solskin Skole", "7. december 2026"),
            "Solskin Skole · hentet 7. december 2026"
        );
        assert_eq!(shared_this_week(1), "Delt med jer i denne uge: 1 ting");
    }
}
