//! Password hashing with Argon2id.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use domain::AppError;
use domain::identity::Password;
use rand::RngCore;
use std::sync::OnceLock;

/// Hashes a password with Argon2id and a fresh salt.
pub fn hash_password(password: &Password) -> Result<String, AppError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|_| AppError::internal())?;
    Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| AppError::internal())
}

fn verify(password: &Password, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|hash| {
            Argon2::default()
                .verify_password(password.expose().as_bytes(), &hash)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Verifies on the blocking pool: Argon2 takes tens of milliseconds of CPU by design, which must
/// not stall the async workers serving everyone else. `None` verifies against a decoy, so a
/// missing account costs as much time as a wrong password and response time reveals nothing.
pub(crate) async fn verify_off_thread(
    password: Password,
    stored: Option<String>,
) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || match stored {
        Some(stored) => verify(&password, &stored),
        None => {
            verify(&password, decoy_hash());
            false
        }
    })
    .await
    .map_err(|_| AppError::internal())
}

/// The hash of a random password nobody knows.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        let mut raw = [0u8; 24];
        rand::rng().fill_bytes(&mut raw);
        Password::parse(&hex::encode(raw))
            .and_then(|p| hash_password(&p))
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_own_hash_only() {
        let hash = hash_password(&Password::parse("rigtig kode").unwrap()).unwrap();
        assert!(verify(&Password::parse("rigtig kode").unwrap(), &hash));
        assert!(!verify(&Password::parse("forkert kode").unwrap(), &hash));
    }

    #[test]
    fn the_decoy_hash_is_a_real_argon2_hash_that_a_guess_does_not_match() {
        assert!(PasswordHash::new(decoy_hash()).is_ok());
        assert!(!verify(
            &Password::parse("spire-demo").unwrap(),
            decoy_hash()
        ));
    }
}
