// glibc's allocator spent over a tenth of the list page's CPU time (measured with perf); mimalloc
// is the usual cure for small, short-lived allocations in request handling.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use parat::cli::{run, Cli};
use parat::config::{FileConfig, LogFormat};
use tracing_subscriber::EnvFilter;

fn init_logging(format: LogFormat) {
    let filter =
        EnvFilter::try_from_env("PARAT_LOG").unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let from_file = FileConfig::load(cli.config.as_deref()).ok().and_then(|file| file.log_format);
    let format = cli.log_format.or(from_file).unwrap_or(LogFormat::Text);
    init_logging(format);
    match run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("parat: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
