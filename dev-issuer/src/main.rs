//! `dev-issuer --port N --institutions 280123,A03202`: runs the development issuer on 127.0.0.1
//! and prints its address. For development and tests only.

use std::process::ExitCode;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let mut port = 0u16;
    let mut institutions = String::from("280123");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--port", Some(value)) => match value.parse() {
                Ok(p) => port = p,
                Err(_) => return usage(),
            },
            ("--institutions", Some(value)) => institutions = value,
            _ => return usage(),
        }
    }
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("dev-issuer: cannot listen on 127.0.0.1:{port}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match dev_issuer::start(listener, &institutions).await {
        Ok((issuer, serve)) => {
            println!("{}", issuer.url);
            if let Err(e) = serve.await {
                eprintln!("dev-issuer: {e}");
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dev-issuer: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: dev-issuer [--port N] [--institutions 280123,A03202]");
    ExitCode::from(2)
}
