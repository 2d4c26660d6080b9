//! Who is asking: the signed-in person as the policy sees them. A leaf module, so that `policy`
//! and `facts` name the principal without importing the identity feature that finds it.

use domain::calendar::Date;
use domain::identity::Role;

/// The signed-in person as the policy sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    pub person_id: i32,
    pub school_id: i32,
    /// The role this session acts in.
    pub role: Role,
    /// Every role the person holds now.
    pub roles: Vec<Role>,
    pub name: String,
    /// The start year of the school year the person's school is in now.
    pub school_year: i32,
    /// The day it is at the person's school (its time zone), for "today" and "this week".
    pub today: Date,
    /// The school's time zone (IANA name), for turning its days into instants and back.
    pub time_zone: String,
}
