//! The demo school: a small, realistic school seeded on first start so Spire can be tried at once.
//! All names are invented. Every demo account shares one password, printed at start-up and shown on
//! the sign-in page while demo mode is on.

use crate::entity::team_member::MemberRole;
use crate::entity::{
    account, guardianship, person, person_role, pupil, school, school_class, setting, team,
    team_member,
};
use crate::identity::{DEMO_LOGINS_KEY, DEMO_SCHOOL_KEY, hash_password};
use crate::{clock, db_err};
use domain::AppError;
use domain::identity::{DemoLogin, Password, Role};
use domain::school::{Avatar, AvatarColor, AvatarShape, Subject};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set,
};

#[cfg(feature = "municipality")]
pub mod municipality;
mod plans;

pub const DEMO_PASSWORD: &str = "spire-demo";
pub const SCHOOL_NAME: &str = "Solbakken Skole";

/// (given name, family name, username) of the 1.A pupils (indskoling) and the 5.B pupils.
const PUPILS_1A: [(&str, &str); 10] = [
    ("Ida", "Jensen"),
    ("Noah", "Hansen"),
    ("Freja", "Pedersen"),
    ("Oscar", "Andersen"),
    ("Alma", "Christensen"),
    ("William", "Larsen"),
    ("Ella", "Sørensen"),
    ("Karl", "Rasmussen"),
    ("Clara", "Jørgensen"),
    ("Emil", "Madsen"),
];
const PUPILS_5B: [(&str, &str); 10] = [
    ("Lucas", "Jensen"),
    ("Sofia", "Kristensen"),
    ("Agnes", "Olsen"),
    ("Victor", "Thomsen"),
    ("Laura", "Poulsen"),
    ("Malthe", "Johansen"),
    ("Asta", "Møller"),
    ("Elias", "Mortensen"),
    ("Nora", "Knudsen"),
    ("Magnus", "Jakobsen"),
];
/// Guardian given names, one per pupil in order; a pupil's guardian shares the family name.
/// Ida and Lucas Jensen are siblings with the same two parents.
const GUARDIANS_1A: [&str; 10] = [
    "Mette", "Rasmus", "Louise", "Jesper", "Sara", "Thomas", "Katrine", "Martin", "Julie", "Anders",
];
const GUARDIANS_5B: [&str; 10] = [
    "Mette", "Maria", "Henrik", "Sanne", "Peter", "Line", "Kasper", "Hanne", "Mads", "Tina",
];

struct Seeder<'a, C: ConnectionTrait> {
    db: &'a C,
    school_id: i32,
    now: i64,
    password_hash: String,
}

impl<C: ConnectionTrait> Seeder<'_, C> {
    async fn person(
        &self,
        given: &str,
        family: &str,
        avatar: Option<Avatar>,
        roles: &[Role],
    ) -> Result<i32, AppError> {
        let p = person::ActiveModel {
            school_id: Set(self.school_id),
            given_name: Set(given.to_owned()),
            family_name: Set(family.to_owned()),
            avatar: Set(avatar.map(Avatar::to_key)),
            created_at: Set(self.now),
            ..Default::default()
        }
        .insert(self.db)
        .await
        .map_err(db_err)?;
        for role in roles {
            person_role::ActiveModel {
                person_id: Set(p.id),
                role: Set(*role),
                ..Default::default()
            }
            .insert(self.db)
            .await
            .map_err(db_err)?;
        }
        Ok(p.id)
    }

    async fn account(&self, person_id: i32, username: &str) -> Result<(), AppError> {
        account::ActiveModel {
            person_id: Set(person_id),
            username: Set(username.to_owned()),
            password_hash: Set(self.password_hash.clone()),
        }
        .insert(self.db)
        .await
        .map_err(db_err)?;
        Ok(())
    }

    async fn class(&self, name: &str, grade: i16, year: i32) -> Result<i32, AppError> {
        Ok(school_class::ActiveModel {
            school_id: Set(self.school_id),
            name: Set(name.to_owned()),
            grade: Set(grade),
            school_year: Set(year),
            ..Default::default()
        }
        .insert(self.db)
        .await
        .map_err(db_err)?
        .id)
    }

    async fn team(
        &self,
        name: &str,
        subject: Subject,
        year: i32,
        class: i32,
        teachers: &[i32],
        pupils: &[i32],
    ) -> Result<i32, AppError> {
        let t = team::ActiveModel {
            school_id: Set(self.school_id),
            name: Set(name.to_owned()),
            subject: Set(subject.code().into_owned()),
            school_year: Set(year),
            archived_at: Set(None),
            class_id: Set(Some(class)),
            ..Default::default()
        }
        .insert(self.db)
        .await
        .map_err(db_err)?;
        let members = teachers
            .iter()
            .map(|id| (id, MemberRole::Teacher))
            .chain(pupils.iter().map(|id| (id, MemberRole::Pupil)));
        for (person_id, role) in members {
            team_member::ActiveModel {
                team_id: Set(t.id),
                person_id: Set(*person_id),
                role: Set(role),
                ..Default::default()
            }
            .insert(self.db)
            .await
            .map_err(db_err)?;
        }
        Ok(t.id)
    }

    async fn guardian(
        &self,
        guardian_id: i32,
        pupil_id: i32,
        has_access: bool,
    ) -> Result<(), AppError> {
        guardianship::ActiveModel {
            guardian_id: Set(guardian_id),
            pupil_id: Set(pupil_id),
            has_access: Set(has_access),
            ..Default::default()
        }
        .insert(self.db)
        .await
        .map_err(db_err)?;
        Ok(())
    }
}

fn username(given: &str) -> String {
    given.to_lowercase()
}

/// Seeds the demo school if the database has no school yet, in one transaction. Returns the demo
/// logins when it seeded, `None` when the database already had data.
/// Opens the database at `url`, applies pending migrations and, when the database was created
/// empty at this start, seeds the demo school in the same transaction: a first start killed
/// halfway leaves an empty database that the next start seeds, never a schema without its school.
/// An existing database is never seeded, even without a school (its data may be missing, say a
/// lost WAL file, and a fresh demo school must not hide that).
pub async fn open_with_demo(url: &str) -> Result<(DatabaseConnection, FirstStart), sea_orm::DbErr> {
    let db = crate::db::connect(url).await?;
    let txn = crate::db::begin_write(&db).await?;
    let fresh = crate::db::migrate(&txn).await?;
    let first = if fresh {
        let logins = seed(&txn)
            .await
            .map_err(|e| sea_orm::DbErr::Custom(format!("cannot seed the demo school: {e}")))?;
        FirstStart::Seeded(logins)
    } else if school::Entity::find().count(&txn).await? == 0 {
        FirstStart::ExistingWithoutSchool
    } else {
        FirstStart::Existing
    };
    txn.commit().await?;
    Ok((db, first))
}

/// What `open_with_demo` found.
#[derive(Debug)]
pub enum FirstStart {
    /// The database was new: the demo school is in it, with these logins.
    Seeded(Vec<DemoLogin>),
    /// The database had a school.
    Existing,
    /// The database existed but holds no school: not seeded (see `open_with_demo`).
    ExistingWithoutSchool,
}

pub async fn seed_if_empty(db: &DatabaseConnection) -> Result<Option<Vec<DemoLogin>>, AppError> {
    if school::Entity::find().count(db).await.map_err(db_err)? > 0 {
        return Ok(None);
    }
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let logins = seed(&txn).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(Some(logins))
}

async fn seed<C: crate::db::Writes>(db: &C) -> Result<Vec<DemoLogin>, AppError> {
    let now = clock::now();
    let year = crate::identity::school_year::calendar_school_year(clock::day_at(
        now,
        domain::calendar::DEFAULT_TIME_ZONE,
    )?);
    let school_id = school::ActiveModel {
        name: Set(SCHOOL_NAME.to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?
    .id;
    crate::identity::school_year::ensure(db, school_id, year).await?;
    // Every demo account shares one published password, so one hash serves them all; distinct
    // salts would protect nothing here and would cost a second of hashing per account.
    let password = Password::parse(DEMO_PASSWORD)?;
    let s = Seeder {
        db,
        school_id,
        now,
        password_hash: hash_password(&password)?,
    };

    let anne = s.person("Anne", "Holm", None, &[Role::Teacher]).await?;
    let bo = s.person("Bo", "Nielsen", None, &[Role::Teacher]).await?;
    // Camilla teaches and is also a parent at the school: she switches between the two roles.
    let camilla = s
        .person("Camilla", "Berg", None, &[Role::Teacher, Role::Parent])
        .await?;
    let pia = s.person("Pia", "Lund", None, &[Role::Paedagog]).await?;
    // Dorte teaches 5.B only: a teacher who must not see 1.A.
    let dorte = s.person("Dorte", "Vang", None, &[Role::Teacher]).await?;
    let lene = s.person("Lene", "Dahl", None, &[Role::Leader]).await?;
    let ole = s
        .person("Ole", "Krogh", None, &[Role::Administrator])
        .await?;
    for (id, name) in [
        (anne, "anne"),
        (bo, "bo"),
        (camilla, "camilla"),
        (pia, "pia"),
        (dorte, "dorte"),
        (lene, "lene"),
        (ole, "ole"),
    ] {
        s.account(id, name).await?;
    }

    let class_1a = s.class("1.A", 1, year).await?;
    let class_5b = s.class("5.B", 5, year).await?;
    let mut pupils_1a = Vec::new();
    let mut pupils_5b = Vec::new();
    for (i, (given, family)) in PUPILS_1A.iter().enumerate() {
        let avatar = Avatar {
            shape: AvatarShape::ALL[i % 10],
            color: AvatarColor::ALL[i % 4],
        };
        let id = s
            .person(given, family, Some(avatar), &[Role::Pupil])
            .await?;
        pupil::ActiveModel {
            person_id: Set(id),
            class_id: Set(class_1a),
        }
        .insert(db)
        .await
        .map_err(db_err)?;
        s.account(id, &username(given)).await?;
        pupils_1a.push(id);
    }
    for (i, (given, family)) in PUPILS_5B.iter().enumerate() {
        let avatar = Avatar {
            shape: AvatarShape::ALL[(i + 3) % 10],
            color: AvatarColor::ALL[(i + 1) % 4],
        };
        let id = s
            .person(given, family, Some(avatar), &[Role::Pupil])
            .await?;
        pupil::ActiveModel {
            person_id: Set(id),
            class_id: Set(class_5b),
        }
        .insert(db)
        .await
        .map_err(db_err)?;
        s.account(id, &username(given)).await?;
        pupils_5b.push(id);
    }

    // Guardians. The Jensen siblings share Mette (with access) and Rasmus (with access); the
    // Kristensen family shows a guardian without access to school information.
    let mette = s.person("Mette", "Jensen", None, &[Role::Parent]).await?;
    s.account(mette, "mette").await?;
    s.guardian(mette, pupils_1a[0], true).await?;
    s.guardian(mette, pupils_5b[0], true).await?;
    for (pupils, names, families) in [
        (&pupils_1a, &GUARDIANS_1A, &PUPILS_1A),
        (&pupils_5b, &GUARDIANS_5B, &PUPILS_5B),
    ] {
        for (i, pupil_id) in pupils.iter().enumerate() {
            if names[i] == "Mette" {
                continue;
            }
            let guardian = s
                .person(names[i], families[i].1, None, &[Role::Parent])
                .await?;
            s.account(guardian, &username(names[i])).await?;
            s.guardian(guardian, *pupil_id, true).await?;
        }
    }
    let rasmus_jensen = s.person("Rasmus", "Jensen", None, &[Role::Parent]).await?;
    s.account(rasmus_jensen, "rasmus.jensen").await?;
    s.guardian(rasmus_jensen, pupils_1a[0], true).await?;
    s.guardian(rasmus_jensen, pupils_5b[0], true).await?;
    s.guardian(camilla, pupils_1a[7], true).await?; // Karl Rasmussen
    let jan = s.person("Jan", "Kristensen", None, &[Role::Parent]).await?;
    s.account(jan, "jan").await?;
    s.guardian(jan, pupils_5b[1], false).await?;

    s.team(
        "Dansk 1.A",
        Subject::Dansk,
        year,
        class_1a,
        &[anne, camilla, pia],
        &pupils_1a,
    )
    .await?;
    let maths_1a = s
        .team(
            "Matematik 1.A",
            Subject::Matematik,
            year,
            class_1a,
            &[bo],
            &pupils_1a,
        )
        .await?;
    s.team(
        "Dansk 5.B",
        Subject::Dansk,
        year,
        class_5b,
        &[anne],
        &pupils_5b,
    )
    .await?;
    s.team(
        "Matematik 5.B",
        Subject::Matematik,
        year,
        class_5b,
        &[bo, camilla],
        &pupils_5b,
    )
    .await?;
    s.team(
        "Engelsk 5.B",
        Subject::Engelsk,
        year,
        class_5b,
        &[dorte],
        &pupils_5b,
    )
    .await?;

    // Ida Jensen: the harder version of this week's task is hers.
    plans::seed(db, school_id, year, bo, maths_1a, pupils_1a[0]).await?;

    let login = |role, name: &str, username: &str| DemoLogin {
        role,
        name: name.to_owned(),
        username: username.to_owned(),
        password: DEMO_PASSWORD.to_owned(),
    };
    let logins = vec![
        login(Role::Teacher, "Anne Holm", "anne"),
        login(Role::Pupil, "Ida Jensen (1.A)", "ida"),
        login(Role::Pupil, "Sofia Kristensen (5.B)", "sofia"),
        login(Role::Parent, "Mette Jensen", "mette"),
        login(Role::Leader, "Lene Dahl", "lene"),
        login(Role::Administrator, "Ole Krogh", "ole"),
    ];
    let logins_json = serde_json::to_string(&logins).map_err(|_| AppError::internal())?;
    for (key, value) in [
        (DEMO_LOGINS_KEY, logins_json),
        (DEMO_SCHOOL_KEY, school_id.to_string()),
    ] {
        setting::ActiveModel {
            key: Set(key.to_owned()),
            value: Set(value),
        }
        .insert(db)
        .await
        .map_err(db_err)?;
    }
    Ok(logins)
}
