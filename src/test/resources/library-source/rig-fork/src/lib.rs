// unit: library rig_core (rig)
use rig::providers::openai;

pub fn client() -> openai::Client {
    openai::Client::from_env()
}
