//! The authorization matrix's rows, shared by the matrix test and the fuzz test.

use axum::http::StatusCode;

/// Who may call what. One row per server function; a new server function without a row fails
/// `every_server_function_has_a_row_in_the_matrix`. Bodies name Ida and 1.A through placeholders
/// (`{ida}`, `{noah}`, `{lucas}`, `{class_1a}`) resolved against the demo school.
///
/// Columns, in `MATRIX_USERS` order: signed out; pupil (Ida, 1.A); another pupil (Sofia, 5.B);
/// Ida's parent (Mette); another parent (Maria); a teacher of Ida's hold (Anne); another teacher
/// (Dorte, 5.B only); the school's leader (Lene); the leader of another school (Niels);
/// the school's administrator (Ole).
pub const MATRIX: &[(&str, &str, [StatusCode; 10])] = {
    const OK: StatusCode = StatusCode::OK;
    const NO: StatusCode = StatusCode::UNAUTHORIZED;
    const DENY: StatusCode = StatusCode::FORBIDDEN;
    const GONE: StatusCode = StatusCode::NOT_FOUND;
    const BAD: StatusCode = StatusCode::BAD_REQUEST;
    &[
        // Public by design: the demo list, signing out (idempotent), asking whether this device
        // is a class iPad (without its cookie the answer is "no").
        ("/api/sign_in_options", "", [OK; 10]),
        ("/api/sign_out", "", [OK; 10]),
        ("/api/class_device_status", "", [OK; 10]),
        // Called with a wrong password: refused whoever asks. A code away from a class iPad is not
        // even looked up (tests/identity_access.rs has it on one).
        ("/api/sign_in", "username=anne&password=wrong", [NO; 10]),
        ("/api/sign_in_with_code", "code=AAAA-AAAA", [BAD; 10]),
        // Without a class iPad no one signs in by tapping.
        ("/api/sign_in_pupil", "pupil_id={ida}", [DENY; 10]),
        // Everyone signed in has a home, their own.
        ("/api/me", "", [NO, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
        ("/api/home", "", [NO, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
        (
            "/api/sign_out_everywhere",
            "",
            [NO, OK, OK, OK, OK, OK, OK, OK, OK, OK],
        ),
        // Without a class iPad there is nothing to close.
        (
            "/api/close_class_device",
            "",
            [NO, OK, OK, OK, OK, OK, OK, OK, OK, OK],
        ),
        // Only parents hold the parent role.
        (
            "/api/switch_role",
            "role=parent",
            [NO, DENY, DENY, OK, OK, DENY, DENY, DENY, DENY, DENY],
        ),
        // 1.A's sign-in (class iPad, login cards): its teachers and its own school's leader.
        // Closing a class iPad from afar: the school's leader and office only.
        (
            "/api/open_class_devices",
            "",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, OK],
        ),
        (
            "/api/revoke_class_device",
            "device_id=999999",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, GONE, GONE, GONE],
        ),
        (
            "/api/open_class_device",
            "class_id={class_1a}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, DENY, DENY],
        ),
        (
            "/api/make_login_cards",
            "class_id={class_1a}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, DENY, DENY],
        ),
        // Administration: leaders and administration, each of their own school only (Niels's
        // roster is his own, empty school's; Ida is not his to move).
        (
            "/api/roster",
            "",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, OK],
        ),
        (
            "/api/import_roster",
            r#"{"data_base64":"eA==","apply":true}"#,
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, OK],
        ),
        // Opening a new school year: the school's leader. In the demo school's own year last
        // year had no classes, so there is nothing to open from (400).
        // Copying an earlier year's årsplan: the demo school has none, so its teachers are told
        // the plan is not one they can copy (400); the rules are in the backend's new-year test.
        (
            "/api/copy_year_plan",
            "source_plan_id={plan}&team_id={team_5b_dansk}",
            [NO, DENY, DENY, DENY, DENY, BAD, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/preview_new_year",
            "",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, DENY],
        ),
        (
            "/api/open_new_year",
            "",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, BAD, BAD, DENY],
        ),
        (
            // The demo school's last year has no classes to open from: a leader's call is bad.
            "/api/new_year_from_file",
            r#"{"data_base64":"eA==","apply":true}"#,
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, BAD, BAD, DENY],
        ),
        (
            "/api/preview_class_change",
            "pupil_id={ida}&class_id={class_1a}",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        // A hold's people: its own teachers (Anne for dansk 1.A), the school's leader and office.
        (
            "/api/team_members",
            "team_id={team_1a_dansk}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, DENY, OK],
        ),
        (
            "/api/add_team_teacher",
            "team_id={team_1a_dansk}&person_id={bo}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, DENY, OK],
        ),
        (
            "/api/add_team_pupil",
            "team_id={team_1a_dansk}&pupil_id={lucas}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, DENY, OK],
        ),
        (
            "/api/add_team_class",
            "team_id={team_1a_dansk}&class_id={class_1a}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, DENY, OK],
        ),
        (
            "/api/remove_team_member",
            "team_id={team_1a_dansk}&person_id={noah}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, DENY, OK],
        ),
        (
            "/api/archive_team",
            "team_id={team_1a_dansk}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, DENY, OK],
        ),
        (
            "/api/restore_team",
            "team_id={team_1a_dansk}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, DENY, OK],
        ),
        (
            "/api/move_pupil",
            "pupil_id={lucas}&class_id={class_1a}",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        (
            "/api/mark_pupil_left",
            "pupil_id={noah}",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        // Creating: leaders and administration of their own school. Niels may create in his own
        // school, but 1.A and Ida are not his (an invalid class, an unknown pupil).
        (
            "/api/create_class",
            "name=9.Z&grade=9",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, OK],
        ),
        (
            "/api/add_pupil",
            "given_name=Ny&family_name=Elev&class_id={class_1a}",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, BAD, OK],
        ),
        (
            "/api/add_staff",
            "given_name=Ny&family_name=Lærer&role=teacher&username=nyansat&password=lang-nok-kode",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, OK],
        ),
        (
            "/api/link_guardian",
            "pupil_id={ida}&given_name=Ny&family_name=Forælder&has_access=true&username=&password=",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        // Taking access away and giving it back: leaders and administration of the school (another
        // school's leader finds no such person).
        (
            "/api/deactivate_staff",
            "person_id={bo}",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        (
            "/api/reactivate_staff",
            "person_id={bo}",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        (
            "/api/remove_role",
            "person_id={camilla}&role=teacher",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        (
            "/api/issue_password_reset",
            "person_id={bo}",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        (
            "/api/set_guardian_access",
            "guardian_id={mette}&pupil_id={ida}&has_access=true",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        // UNI-Login: leaders and administration set UNI-IDs; only a leader sets the school's
        // institution number (Niels his own school's).
        (
            "/api/set_uni_id",
            "person_id={bo}&uni_id=bouni00001",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        (
            "/api/set_institution_number",
            "number=280123",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, DENY],
        ),
        // The school's own subjects: everyone of a school reads its list; only a leader adds to
        // it (Niels to his own school's).
        (
            "/api/school_subjects",
            "",
            [NO, OK, OK, OK, OK, OK, OK, OK, OK, OK],
        ),
        (
            "/api/save_own_subject",
            r#"{"input":{"id":null,"name":"Udeskole","icon":"tree","first_grade":0,"last_grade":3,"spans":["matematik","natur_teknologi"]}}"#,
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, DENY],
        ),
        // A wrong code, or a wrong current password: refused whoever asks.
        (
            "/api/reset_password",
            "username=bo&code=aaaa-bbbb-cccc-dd&new_password=et-langt-kodeord",
            [NO; 10],
        ),
        (
            "/api/change_password",
            "current=forkert-kodeord&new_password=et-langt-kodeord",
            [NO; 10],
        ),
        (
            "/api/create_team",
            "name=Musik%201.A&subject=musik&class_id={class_1a}&teacher_id={anne}",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, BAD, OK],
        ),
        // Planning: the hold's teachers (Anne) write; the school's leader reads and restores;
        // another school's leader learns nothing (404); everyone else is refused.
        (
            "/api/planning_overview",
            "",
            [NO, DENY, DENY, DENY, DENY, OK, OK, DENY, DENY, DENY],
        ),
        (
            "/api/create_year_plan",
            "team_id={team_5b_dansk}&title=Dansk%205.B",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/year_plan",
            "year_plan_id={plan}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/rename_year_plan",
            "year_plan_id={plan}&version=1&title=Ny",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/archive_year_plan",
            "year_plan_id={plan}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/restore_year_plan",
            "year_plan_id={plan}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/create_unit",
            r#"{"year_plan_id":{plan},"input":{unit_input}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/unit",
            "unit_id={unit}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/save_unit",
            r#"{"unit_id":{unit},"version":{unit_version},"input":{unit_input}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/schedule_unit",
            "unit_id={unit}&version={unit_version}&first_week={monday}&last_week={monday}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/archive_unit",
            "unit_id={unit}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/restore_unit",
            "unit_id={unit}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/share_unit",
            "unit_id={unit}&shared=false",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/add_goal",
            r#"{"unit_id":{unit},"version":{unit_version},"input":{"kind":"refleksion","own_text":"Jeg kan rime","framework_item_id":null,"scale_id":{scale},"signs":""}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/archive_goal",
            "goal_id={goal}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/create_task",
            r#"{"unit_id":{unit},"input":{task_input}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/save_task",
            r#"{"task_id":{task},"version":1,"input":{task_input}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/archive_task",
            "task_id={task}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/upload_material",
            r#"{"unit_id":{unit},"version":{unit_version},"name":"mere.txt","data_base64":"aGVq"}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/remove_material",
            "material_id={material}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/restore_task",
            "task_id={task}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/restore_goal",
            "goal_id={goal}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        // What pupils did with a task: the hold's own teachers only, not even the leader.
        (
            "/api/task_returns",
            "task_id={task}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        // All a pupil made in a hold this year: the hold's own teachers.
        (
            "/api/pupil_work",
            "team_id={team_1a_dansk}&pupil_id={ida}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        // Answering pupils: the hold's own teachers; another school's leader learns nothing.
        (
            "/api/give_feedback",
            r#"{"input":{"on":{"task":{"task_id":{task},"pupil_id":{ida}}},"body":{"sticker":"star"},"for_family":false}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        // Evaluations: the hold's teachers write; they and the leader read; only the pupil
        // evaluates themselves, on a goal of a hold they are in.
        (
            "/api/evaluation_grid",
            "unit_id={unit}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        // A pupil's work as evidence: the hold's own teachers, not the leader (a portfolio is not
        // an overview). An item that is not the pupil's is a bad request for them.
        (
            "/api/goal_work",
            "goal_id={goal}&pupil_id={ida}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/choose_evidence",
            r#"{"goal_id":{goal},"pupil_id":{ida},"item_id":999999,"evidence":true}"#,
            [NO, DENY, DENY, DENY, DENY, BAD, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/evaluate",
            r#"{"goal_id":{goal},"pupil_id":{ida},"step":1,"comment":""}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/self_evaluate",
            r#"{"goal_id":{reflection_goal},"step":2,"comment":""}"#,
            [NO, OK, DENY, DENY, DENY, DENY, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/my_goals",
            "",
            [NO, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        // The pupil's day and work: pupils only, each their own.
        (
            "/api/today",
            "",
            [NO, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/task_done",
            r#"{"task_id":{task},"done":true}"#,
            [NO, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/add_work",
            r#"{"upload":{"client_key":"matrix-0001","kind":"text","task_id":null,"goal_id":null,"text":"Hej","content_type":null,"data_base64":null}}"#,
            [NO, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/my_work",
            "",
            [NO, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/share_work",
            "item_id=999999&shared=true",
            [NO, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE],
        ),
        // Only a pupil makes their own answers old (others' ids are left alone).
        (
            "/api/saw_feedback",
            r#"{"ids":[999999]}"#,
            [NO, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        // The family view: guardians with access to the child, and nobody else.
        (
            "/api/child_week",
            "pupil_id={ida}",
            [NO, DENY, DENY, OK, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/make_calendar_link",
            "pupil_id={ida}",
            [NO, DENY, DENY, OK, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/revoke_calendar_link",
            "pupil_id={ida}",
            [NO, DENY, DENY, OK, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/digest",
            "",
            [NO, DENY, DENY, OK, OK, DENY, DENY, DENY, DENY, DENY],
        ),
        // Everyone signed in keeps their own reading settings.
        (
            "/api/reading_settings",
            "",
            [NO, OK, OK, OK, OK, OK, OK, OK, OK, OK],
        ),
        (
            "/api/save_reading_settings",
            r#"{"settings":{"text_size":"more","letter_spacing":"normal","word_spacing":"normal","line_height":"more","tint":"cream","font":"standard"}}"#,
            [NO, OK, OK, OK, OK, OK, OK, OK, OK, OK],
        ),
        (
            "/api/evaluation_history",
            "goal_id={goal}&pupil_id={ida}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        // The elevplan: the pupil's teachers write and publish; they and the leader read
        // drafts; the pupil and guardians with access read what is published; only the pupil
        // writes their reflection.
        (
            "/api/pupil_plans",
            "pupil_id={ida}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/start_pupil_plan",
            r#"{"pupil_id":{ida},"subject":"dansk"}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/plan_draft",
            "plan_id={pupil_plan}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/save_pupil_plan",
            r#"{"edit":{"plan_id":{pupil_plan},"version":1,"texts":{"status":"Læser","goals":"","follow_up":"","wellbeing":"","all_round":"","education":"","support":""},"receives_support":false,"goal_ids":[]}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/preview_pupil_plan",
            "plan_id={pupil_plan}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/publish_pupil_plan",
            "plan_id={pupil_plan}&version=1",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/collected_plan",
            "pupil_id={ida}",
            [NO, OK, DENY, OK, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/plan_version",
            "version_id={pupil_plan_published}",
            [NO, OK, DENY, OK, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/my_plans",
            "",
            [NO, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/reflect_on_plan",
            r#"{"plan_id":{pupil_plan},"text":"Jeg læser godt"}"#,
            [NO, OK, DENY, DENY, DENY, DENY, DENY, DENY, GONE, DENY],
        ),
        // Said aloud instead: the pupil's own, on the upload route.
        (
            "/api/record_reflection",
            r#"{"plan_id":{pupil_plan},"content_type":"audio/webm","data_base64":"GkXfo5+ChoEB"}"#,
            [NO, OK, DENY, DENY, DENY, DENY, DENY, DENY, GONE, DENY],
        ),
        // A pupil's package leaves and arrives through the school's leader or administration.
        (
            "/api/export_pupil",
            "pupil_id={ida}",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        (
            "/api/import_pupil",
            r#"{"pupil_id":{ida},"text":"{\"format\":\"spire-pupil/1\",\"exported_at\":0,\"school\":\"X\",\"pupil\":{\"given_name\":\"Ida\",\"family_name\":\"Jensen\"},\"plans\":[],\"evaluations\":[],\"portfolio\":[]}"}"#,
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        // Scales, framework goals and the library: everyone who plans, at their own school.
        (
            "/api/scales",
            "",
            [NO, DENY, DENY, DENY, DENY, OK, OK, OK, OK, DENY],
        ),
        (
            "/api/create_scale",
            r#"{"name":"Smil","steps":["Svært","Let"]}"#,
            [NO, DENY, DENY, DENY, DENY, OK, OK, DENY, DENY, DENY],
        ),
        (
            "/api/search_goals",
            r#"{"search":{"subject":"dansk","grade":1,"words":""}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, OK, OK, OK, DENY],
        ),
        (
            "/api/library_search",
            r#"{"filter":{"subject":null,"grade":null,"goal":"","author_id":null,"words":""}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, OK, OK, OK, DENY],
        ),
        (
            "/api/library_preview",
            "unit_id={unit}",
            [NO, DENY, DENY, DENY, DENY, OK, OK, OK, GONE, DENY],
        ),
        (
            "/api/library_copy",
            "unit_id={unit}&year_plan_id={plan}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        // The school's years: leaders and administration, each of their own school.
        (
            "/api/school_years",
            "",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, OK],
        ),
        (
            "/api/save_school_year",
            r#"{"start_year":{next_year},"version":1,"first_day":"{next_year}-08-12","last_day":"{year_after}-06-23","holidays":[]}"#,
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, OK],
        ),
    ]
};
