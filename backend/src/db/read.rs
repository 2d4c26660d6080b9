//! The hot read path: the statements of the screens every pupil and parent opens, run on the
//! calling thread.
//!
//! sqlx runs each SQLite connection on a thread of its own and passes every statement, and every
//! row back, through a channel: a screen of a dozen statements costs dozens of hand-offs between
//! threads, which was most of a read call's time (BENCHMARKS.md §3). Here the same SeaORM query
//! runs on a read-only SQLite connection that belongs to the calling thread, with its prepared
//! statements cached, and is decoded by SeaORM itself: models through the entity's own column
//! types, so a value reaches the model exactly as sqlx would have handed it over. SQLite answers
//! such reads in microseconds, so holding the async worker for them costs less than the hand-off.
//!
//! On PostgreSQL, inside a transaction and on an in-memory database, the same calls go through
//! SeaORM unchanged (`Source::Orm`). The use cases' tests run on both paths, one per database.

use rusqlite::config::DbConfig;
use sea_orm::sea_query::{ColumnType, Value, Values};
use sea_orm::sqlx::sqlite::SqliteConnectOptions;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    DbBackend, DbErr, EntityTrait, IdenStatic, Iterable, QueryTrait, Select, Statement,
    TryIntoModel,
};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Where a read runs: a SQLite file on the calling thread, or SeaORM's own connection.
pub enum Source<'a, C> {
    /// The pool's options, which name the file (shared, not copied, on every read).
    File(Arc<SqliteConnectOptions>),
    Orm(&'a C),
}

/// A connection a use case reads through. The pool finds its SQLite file; a transaction must see
/// its own uncommitted writes, so it always reads through itself.
pub trait Reads: ConnectionTrait + Sized {
    fn source(&self) -> Source<'_, Self>;
}

impl Reads for DatabaseConnection {
    fn source(&self) -> Source<'_, Self> {
        if self.get_database_backend() != DbBackend::Sqlite {
            return Source::Orm(self);
        }
        let opts = self.get_sqlite_connection_pool().connect_options();
        let file = opts.get_filename();
        // An in-memory database exists only inside the pool's own connection.
        if file.as_os_str().is_empty() || file.to_string_lossy().contains(":memory:") {
            Source::Orm(self)
        } else {
            Source::File(opts)
        }
    }
}

impl Reads for DatabaseTransaction {
    fn source(&self) -> Source<'_, Self> {
        Source::Orm(self)
    }
}

/// Every model `select` finds, like `select.all(db)`.
pub async fn all<E, C>(db: &C, select: Select<E>) -> Result<Vec<E::Model>, DbErr>
where
    E: EntityTrait,
    E::ActiveModel: TryIntoModel<E::Model>,
    C: Reads,
{
    match db.source() {
        Source::Orm(db) => select.all(db).await,
        Source::File(opts) => {
            let stmt = select.build(DbBackend::Sqlite);
            run(opts.get_filename(), &stmt, |names| {
                let columns: Vec<_> = names.iter().map(|n| column::<E>(n)).collect();
                move |row: &rusqlite::Row<'_>| model::<E>(row, &columns, 0..columns.len())
            })
        }
    }
}

/// Every model `select` finds with its related one, like `find_also_related(…).all(db)`.
pub async fn all_also<E, F, C>(
    db: &C,
    select: sea_orm::SelectTwo<E, F>,
) -> Result<Vec<(E::Model, Option<F::Model>)>, DbErr>
where
    E: EntityTrait,
    F: EntityTrait,
    E::ActiveModel: TryIntoModel<E::Model>,
    F::ActiveModel: TryIntoModel<F::Model>,
    C: Reads,
{
    match db.source() {
        Source::Orm(db) => select.all(db).await,
        Source::File(opts) => {
            let stmt = select.build(DbBackend::Sqlite);
            run(opts.get_filename(), &stmt, |names| {
                // SeaORM names the two entities' columns `A_…` and `B_…`, in that order.
                let first = names.iter().take_while(|n| n.starts_with("A_")).count();
                let a: Vec<_> = names[..first]
                    .iter()
                    .map(|n| column::<E>(n.strip_prefix("A_").unwrap_or(n)))
                    .collect();
                let b: Vec<_> = names[first..]
                    .iter()
                    .map(|n| column::<F>(n.strip_prefix("B_").unwrap_or(n)))
                    .collect();
                move |row: &rusqlite::Row<'_>| {
                    let left = model::<E>(row, &a, 0..first)?;
                    // No related row: every one of its columns is NULL.
                    let none = (first..first + b.len())
                        .all(|i| matches!(row.get_ref(i), Ok(rusqlite::types::ValueRef::Null)));
                    let right = if none {
                        None
                    } else {
                        Some(model::<F>(row, &b, first..first + b.len())?)
                    };
                    Ok((left, right))
                }
            })
        }
    }
}

/// The first model `select` finds, like `select.one(db)`.
pub async fn one<E, C>(db: &C, select: Select<E>) -> Result<Option<E::Model>, DbErr>
where
    E: EntityTrait,
    E::ActiveModel: TryIntoModel<E::Model>,
    C: Reads,
{
    use sea_orm::QuerySelect;
    Ok(all(db, select.limit(1)).await?.into_iter().next())
}

/// The entity's column a result column is, and how its value is typed.
fn column<E: EntityTrait>(name: &str) -> Result<(E::Column, Kind), DbErr> {
    E::Column::iter()
        .find(|c| c.as_str() == name)
        .map(|c| (c, Kind::of_type(c.def().get_column_type())))
        .ok_or_else(|| {
            DbErr::Type(format!(
                "{name} is not a column of {}",
                E::default().table_name()
            ))
        })
}

/// A model from the row's columns `at`, each set as its entity types it, as SeaORM's own
/// decoding would.
fn model<E: EntityTrait>(
    row: &rusqlite::Row<'_>,
    columns: &[Result<(E::Column, Kind), DbErr>],
    at: std::ops::Range<usize>,
) -> Result<E::Model, DbErr>
where
    E::ActiveModel: TryIntoModel<E::Model>,
{
    let mut active = <E::ActiveModel as ActiveModelTrait>::default();
    for (i, c) in at.zip(columns) {
        let (column, kind) = c.as_ref().map_err(Clone::clone)?;
        let value = kind.value(row.get_ref(i).map_err(sqlite_err)?)?;
        active.try_set(*column, value)?;
    }
    active.try_into_model()
}

/// Rows of plain values, like `select.into_tuple::<T>().all(db)`: `T` is a value or a tuple of
/// values, read in the order they are selected.
pub async fn tuples<T, Q, C>(db: &C, query: Q) -> Result<Vec<T>, DbErr>
where
    T: sea_orm::TryGetableMany + Cells,
    Q: QueryTrait,
    C: Reads,
{
    statement_tuples(db, |backend| query.build(backend)).await
}

/// Rows of plain values from a `sea_query` statement (joins and expressions SeaORM's `Select`
/// does not express), read in the order they are selected.
pub async fn query_tuples<T, C>(
    db: &C,
    query: &impl sea_orm::StatementBuilder,
) -> Result<Vec<T>, DbErr>
where
    T: sea_orm::TryGetableMany + Cells,
    C: Reads,
{
    statement_tuples(db, |backend| backend.build(query)).await
}

async fn statement_tuples<T, C>(
    db: &C,
    build: impl Fn(DbBackend) -> Statement,
) -> Result<Vec<T>, DbErr>
where
    T: sea_orm::TryGetableMany + Cells,
    C: Reads,
{
    match db.source() {
        Source::Orm(db) => db
            .query_all_raw(build(db.get_database_backend()))
            .await?
            .iter()
            .map(|r| T::try_get_many_by_index(r).map_err(DbErr::from))
            .collect(),
        Source::File(opts) => run(opts.get_filename(), &build(DbBackend::Sqlite), |_| {
            T::from_sqlite
        }),
    }
}

// ---------------------------------------------------------------------------------------------
// Values

/// How a column's SQLite value becomes the SeaORM value its model field is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Bool,
    TinyInt,
    SmallInt,
    Int,
    BigInt,
    Float,
    Double,
    Text,
    Bytes,
    /// A column type the read path has no rule for: what SQLite holds, integers as `i64`.
    AsStored,
}

impl Kind {
    fn of_type(t: &ColumnType) -> Kind {
        match t {
            ColumnType::Boolean => Kind::Bool,
            ColumnType::TinyInteger => Kind::TinyInt,
            ColumnType::SmallInteger => Kind::SmallInt,
            ColumnType::Integer => Kind::Int,
            ColumnType::BigInteger => Kind::BigInt,
            ColumnType::Float => Kind::Float,
            ColumnType::Double => Kind::Double,
            ColumnType::Blob | ColumnType::Binary(_) | ColumnType::VarBinary(_) => Kind::Bytes,
            ColumnType::Char(_)
            | ColumnType::String(_)
            | ColumnType::Text
            | ColumnType::Enum { .. } => Kind::Text,
            _ => Kind::AsStored,
        }
    }

    fn value(self, v: rusqlite::types::ValueRef<'_>) -> Result<Value, DbErr> {
        use rusqlite::types::ValueRef as V;
        let int = |i: i64| -> Result<Value, DbErr> {
            let narrow = |_| DbErr::Type(format!("{i} does not fit the column"));
            Ok(match self {
                Kind::Bool => Value::Bool(Some(i != 0)),
                Kind::TinyInt => Value::TinyInt(Some(i8::try_from(i).map_err(narrow)?)),
                Kind::SmallInt => Value::SmallInt(Some(i16::try_from(i).map_err(narrow)?)),
                Kind::Int => Value::Int(Some(i32::try_from(i).map_err(narrow)?)),
                Kind::Float => Value::Float(Some(i as f32)),
                Kind::Double => Value::Double(Some(i as f64)),
                _ => Value::BigInt(Some(i)),
            })
        };
        Ok(match v {
            V::Null => match self {
                Kind::Bool => Value::Bool(None),
                Kind::TinyInt => Value::TinyInt(None),
                Kind::SmallInt => Value::SmallInt(None),
                Kind::Int => Value::Int(None),
                Kind::BigInt => Value::BigInt(None),
                Kind::Float => Value::Float(None),
                Kind::Double => Value::Double(None),
                Kind::Bytes => Value::Bytes(None),
                Kind::Text | Kind::AsStored => Value::String(None),
            },
            V::Integer(i) => int(i)?,
            V::Real(f) => match self {
                Kind::Float => Value::Float(Some(f as f32)),
                _ => Value::Double(Some(f)),
            },
            V::Text(t) => Value::String(Some(text(t)?)),
            V::Blob(b) => Value::Bytes(Some(b.to_vec())),
        })
    }
}

fn text(t: &[u8]) -> Result<String, DbErr> {
    String::from_utf8(t.to_vec()).map_err(|e| DbErr::Type(e.to_string()))
}

/// A value read straight from SQLite for `tuples`, as lenient about integer widths as SQLite is.
pub trait Cell: Sized {
    fn from_value(v: rusqlite::types::ValueRef<'_>) -> Result<Self, DbErr>;
}

fn null() -> DbErr {
    DbErr::Type("a null value where one was required".into())
}

macro_rules! integer_cell {
    ($($t:ty),*) => {$(
        impl Cell for $t {
            fn from_value(v: rusqlite::types::ValueRef<'_>) -> Result<Self, DbErr> {
                match v {
                    rusqlite::types::ValueRef::Integer(i) => <$t>::try_from(i)
                        .map_err(|_| DbErr::Type(format!("{i} does not fit {}", stringify!($t)))),
                    rusqlite::types::ValueRef::Null => Err(null()),
                    other => Err(DbErr::Type(format!("{:?} is not an integer", other.data_type()))),
                }
            }
        }
    )*};
}
integer_cell!(i16, i32, i64);

impl Cell for bool {
    fn from_value(v: rusqlite::types::ValueRef<'_>) -> Result<Self, DbErr> {
        i64::from_value(v).map(|i| i != 0)
    }
}

impl Cell for f64 {
    fn from_value(v: rusqlite::types::ValueRef<'_>) -> Result<Self, DbErr> {
        match v {
            rusqlite::types::ValueRef::Real(f) => Ok(f),
            rusqlite::types::ValueRef::Integer(i) => Ok(i as f64),
            rusqlite::types::ValueRef::Null => Err(null()),
            other => Err(DbErr::Type(format!(
                "{:?} is not a number",
                other.data_type()
            ))),
        }
    }
}

impl Cell for String {
    fn from_value(v: rusqlite::types::ValueRef<'_>) -> Result<Self, DbErr> {
        match v {
            rusqlite::types::ValueRef::Text(t) => text(t),
            rusqlite::types::ValueRef::Null => Err(null()),
            other => Err(DbErr::Type(format!("{:?} is not text", other.data_type()))),
        }
    }
}

impl<T: Cell> Cell for Option<T> {
    fn from_value(v: rusqlite::types::ValueRef<'_>) -> Result<Self, DbErr> {
        match v {
            rusqlite::types::ValueRef::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

/// The enums Spire stores as text (`DeriveActiveEnum` with a string value).
macro_rules! text_enum_cells {
    ($($t:ty),* $(,)?) => {$(
        impl Cell for $t {
            fn from_value(v: rusqlite::types::ValueRef<'_>) -> Result<Self, DbErr> {
                <$t as sea_orm::ActiveEnum>::try_from_value(&String::from_value(v)?)
            }
        }
    )*};
}
text_enum_cells!(domain::identity::Role, domain::planning::TaskIcon);

/// A row of `tuples`: one value, or a tuple of them in the order they are selected.
pub trait Cells: Sized {
    fn from_sqlite(row: &rusqlite::Row<'_>) -> Result<Self, DbErr>;
}

fn cell<T: Cell>(row: &rusqlite::Row<'_>, i: usize) -> Result<T, DbErr> {
    T::from_value(row.get_ref(i).map_err(sqlite_err)?)
}

macro_rules! single_cells {
    ($($t:ty),* $(,)?) => {$(
        impl Cells for $t {
            fn from_sqlite(row: &rusqlite::Row<'_>) -> Result<Self, DbErr> {
                cell(row, 0)
            }
        }
    )*};
}
single_cells!(
    i16,
    i32,
    i64,
    bool,
    f64,
    String,
    Option<i32>,
    Option<i64>,
    Option<String>
);

macro_rules! tuple_cells {
    ($(($($t:ident $i:tt),+))*) => {$(
        impl<$($t: Cell),+> Cells for ($($t,)+) {
            fn from_sqlite(row: &rusqlite::Row<'_>) -> Result<Self, DbErr> {
                Ok(($(cell::<$t>(row, $i)?,)+))
            }
        }
    )*};
}
tuple_cells! {
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
    (A 0, B 1, C 2, D 3, E 4)
    (A 0, B 1, C 2, D 3, E 4, F 5)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11)
}

// ---------------------------------------------------------------------------------------------
// Running a statement on this thread's connection

fn sqlite_err(e: rusqlite::Error) -> DbErr {
    DbErr::Custom(format!("sqlite: {e}"))
}

fn bind(values: &Option<Values>) -> Result<Vec<rusqlite::types::Value>, DbErr> {
    use rusqlite::types::Value as S;
    let Some(Values(values)) = values else {
        return Ok(Vec::new());
    };
    values
        .iter()
        .map(|v| {
            Ok(match v {
                Value::Bool(b) => b.map_or(S::Null, |b| S::Integer(i64::from(b))),
                Value::TinyInt(i) => i.map_or(S::Null, |i| S::Integer(i64::from(i))),
                Value::SmallInt(i) => i.map_or(S::Null, |i| S::Integer(i64::from(i))),
                Value::Int(i) => i.map_or(S::Null, |i| S::Integer(i64::from(i))),
                Value::BigInt(i) => i.map_or(S::Null, S::Integer),
                Value::TinyUnsigned(i) => i.map_or(S::Null, |i| S::Integer(i64::from(i))),
                Value::SmallUnsigned(i) => i.map_or(S::Null, |i| S::Integer(i64::from(i))),
                Value::Unsigned(i) => i.map_or(S::Null, |i| S::Integer(i64::from(i))),
                // LIMIT and OFFSET.
                Value::BigUnsigned(i) => match i {
                    Some(i) => S::Integer(
                        i64::try_from(*i).map_err(|_| DbErr::Type(format!("{i} is too large")))?,
                    ),
                    None => S::Null,
                },
                Value::Float(f) => f.map_or(S::Null, |f| S::Real(f64::from(f))),
                Value::Double(f) => f.map_or(S::Null, S::Real),
                Value::String(s) => s.as_ref().map_or(S::Null, |s| S::Text(s.clone())),
                Value::Char(c) => c.map_or(S::Null, |c| S::Text(c.to_string())),
                Value::Bytes(b) => b.as_ref().map_or(S::Null, |b| S::Blob(b.clone())),
                other => {
                    return Err(DbErr::Type(format!("the read path cannot bind {other:?}")));
                }
            })
        })
        .collect()
}

/// Runs `stmt` on this thread's connection to `file`, each row through the decoder `decoder`
/// makes from the statement's column names.
fn run<T, D>(
    file: &Path,
    stmt: &Statement,
    decoder: impl FnOnce(&[String]) -> D,
) -> Result<Vec<T>, DbErr>
where
    D: Fn(&rusqlite::Row<'_>) -> Result<T, DbErr>,
{
    let started = Instant::now();
    let params = rusqlite::params_from_iter(bind(&stmt.values)?);
    let out = OPEN.with(|open| {
        let mut open = open.borrow_mut();
        let at = match open.iter().position(|(f, _)| f == file) {
            Some(at) => at,
            None => {
                if open.len() >= OPEN_PER_THREAD {
                    open.remove(0);
                }
                open.push((file.to_path_buf(), self::open(file)?));
                open.len() - 1
            }
        };
        let mut prepared = open[at].1.prepare_cached(&stmt.sql).map_err(sqlite_err)?;
        let names: Vec<String> = prepared
            .column_names()
            .into_iter()
            .map(str::to_owned)
            .collect();
        let decode = decoder(&names);
        let mut rows = prepared.query(params).map_err(sqlite_err)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(sqlite_err)? {
            out.push(decode(row)?);
        }
        Ok(out)
    });
    log(file, stmt, started.elapsed());
    out
}

/// A thread's open files, few: a server reads one; a test thread its own.
const OPEN_PER_THREAD: usize = 4;

thread_local! {
    static OPEN: RefCell<Vec<(PathBuf, rusqlite::Connection)>> = const { RefCell::new(Vec::new()) };
}

fn open(file: &Path) -> Result<rusqlite::Connection, DbErr> {
    let conn = rusqlite::Connection::open(file).map_err(sqlite_err)?;
    // This connection only reads; the pool writes. The busy timeout covers the moment a
    // checkpoint holds the WAL index.
    conn.execute_batch(
        "PRAGMA query_only = ON; PRAGMA busy_timeout = 5000; PRAGMA mmap_size = 268435456;",
    )
    .map_err(sqlite_err)?;
    // Without the planner's stability guarantee, SQLite plans `LIMIT ?` (every `one`) with the
    // bound value, so each new binding, even of the same 1, throws the cached plan away and the
    // statement is prepared again: 7 % of a read call's time in the profile (BENCHMARKS.md).
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
        .map_err(sqlite_err)?;
    conn.set_prepared_statement_cache_capacity(256);
    Ok(conn)
}

/// How often this thread's cached statement `sql` on `file` has been prepared again.
#[cfg(test)]
fn reprepared(file: &Path, sql: &str) -> i32 {
    OPEN.with(|open| {
        let open = open.borrow();
        let (_, conn) = open.iter().find(|(f, _)| f == file).expect("open here");
        let stmt = conn.prepare_cached(sql).expect("prepares");
        stmt.get_status(rusqlite::StatementStatus::RePrepare)
    })
}

// ---------------------------------------------------------------------------------------------
// The statement log (`db::StatementLog`) sees these statements too.

type Sink = Arc<Mutex<Vec<(Statement, Duration)>>>;

static SINKS: Mutex<Vec<(PathBuf, Sink)>> = Mutex::new(Vec::new());

/// Whether any log is attached: the server never attaches one, and then no read takes the lock.
static LOGGING: AtomicBool = AtomicBool::new(false);

pub(super) fn attach_log(file: PathBuf, sink: Sink) {
    if let Ok(mut sinks) = SINKS.lock() {
        sinks.retain(|(f, _)| *f != file);
        sinks.push((file, sink));
        LOGGING.store(true, Ordering::Release);
    }
}

pub(super) fn log(file: &Path, stmt: &Statement, took: Duration) {
    if !LOGGING.load(Ordering::Acquire) {
        return;
    }
    let Ok(sinks) = SINKS.lock() else { return };
    if let Some((_, sink)) = sinks.iter().find(|(f, _)| f == file)
        && let Ok(mut v) = sink.lock()
    {
        v.push((stmt.clone(), took));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::*;
    use sea_orm::{ActiveModelTrait, QueryFilter, QuerySelect, QueryTrait};

    async fn demo_school() -> (DatabaseConnection, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("spire.db").display()
        );
        let db = crate::db::connect_and_migrate(&url).await.unwrap();
        crate::demo::seed_if_empty(&db).await.unwrap();
        (db, dir)
    }

    /// Each entity's rows, read on this thread, equal what SeaORM reads through sqlx.
    macro_rules! same_models {
        ($db:expr, $($entity:ident),* $(,)?) => {$(
            let fast = all($db, $entity::Entity::find()).await.unwrap();
            let orm = $entity::Entity::find().all($db).await.unwrap();
            assert!(!orm.is_empty(), "the demo school has {}", stringify!($entity));
            assert_eq!(fast, orm, "{}", stringify!($entity));
        )*};
    }

    #[tokio::test]
    async fn models_read_on_this_thread_equal_what_seaorm_reads() {
        let (db, _dir) = demo_school().await;
        assert!(matches!(db.source(), Source::File(_)));
        same_models!(
            &db,
            person,
            person_role,
            account,
            school,
            school_year,
            pupil,
            guardianship,
            school_class,
            team,
            team_member,
            year_plan,
            unit,
            unit_goal,
            unit_material,
            task,
            task_pupil,
            scale,
            setting,
        );
    }

    #[tokio::test]
    async fn a_model_with_its_related_one_and_plain_values_read_as_through_seaorm() {
        let (db, _dir) = demo_school().await;
        // An answer with a sticker from the demo's first teacher, to the first pupil.
        let task = task::Entity::find().one(&db).await.unwrap().unwrap();
        let pupil = pupil::Entity::find().one(&db).await.unwrap().unwrap();
        let school = school::Entity::find().one(&db).await.unwrap().unwrap();
        let teacher = person_role::Entity::find()
            .filter(person_role::Column::Role.eq(domain::identity::Role::Teacher))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        work_feedback::ActiveModel {
            school_id: sea_orm::Set(school.id),
            pupil_id: sea_orm::Set(pupil.person_id),
            task_id: sea_orm::Set(Some(task.id)),
            item_id: sea_orm::Set(None),
            author_id: sea_orm::Set(teacher.person_id),
            kind: sea_orm::Set(work_feedback::FeedbackKind::Sticker),
            text: sea_orm::Set(String::new()),
            sticker: sea_orm::Set(Some(domain::feedback::Sticker::ALL[0])),
            file_id: sea_orm::Set(None),
            for_family: sea_orm::Set(true),
            created_at: sea_orm::Set(1),
            seen_at: sea_orm::Set(None),
            archived_at: sea_orm::Set(None),
            ..Default::default()
        }
        .insert(&db)
        .await
        .unwrap();
        let with_person = || work_feedback::Entity::find().find_also_related(person::Entity);
        let answers = with_person().all(&db).await.unwrap();
        assert!(answers.iter().all(|(_, author)| author.is_some()));
        assert_eq!(all_also(&db, with_person()).await.unwrap(), answers);
        let values = || {
            task::Entity::find()
                .select_only()
                .columns([task::Column::Id, task::Column::Title, task::Column::Icon])
                .column(task::Column::ArchivedAt)
        };
        type Row = (i32, String, domain::planning::TaskIcon, Option<i64>);
        assert_eq!(
            tuples::<Row, _, _>(&db, values()).await.unwrap(),
            values().into_tuple::<Row>().all(&db).await.unwrap()
        );
    }

    #[tokio::test]
    async fn the_first_row_is_read_again_without_preparing_its_statement_again() {
        let (db, dir) = demo_school().await;
        let people = person::Entity::find().all(&db).await.unwrap();
        for p in &people {
            let found = one(&db, person::Entity::find_by_id(p.id)).await.unwrap();
            assert_eq!(found.as_ref(), Some(p));
        }
        let sql = person::Entity::find_by_id(0)
            .limit(1)
            .build(sea_orm::DbBackend::Sqlite)
            .sql;
        assert!(people.len() > 2);
        assert_eq!(reprepared(&dir.path().join("spire.db"), &sql), 0);
    }

    #[tokio::test]
    async fn a_transaction_reads_through_itself_and_sees_its_own_writes() {
        let (db, _dir) = demo_school().await;
        let txn = crate::db::begin_write(&db).await.unwrap();
        assert!(matches!(txn.source(), Source::Orm(_)));
        setting::Entity::delete_many().exec(&txn).await.unwrap();
        assert!(all(&txn, setting::Entity::find()).await.unwrap().is_empty());
        // Outside it, on this thread's own connection, nothing has changed yet.
        assert!(!all(&db, setting::Entity::find()).await.unwrap().is_empty());
        txn.rollback().await.unwrap();
    }
}
