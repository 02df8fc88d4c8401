use fang::queue::Queueable;
use fang::runnable::Runnable;
use fang::serde::{Deserialize, Serialize};
use fang::typetag;
use fang::FangError;

/// Pulls hard bounces from the provider and marks those users as
/// unsubscribed so we stop mailing them.
#[derive(Serialize, Deserialize, Debug)]
#[serde(crate = "fang::serde")]
pub struct ProcessBounces {
    pub since_hours: u32,
}

#[typetag::serde]
impl Runnable for ProcessBounces {
    fn run(&self, _queue: &dyn Queueable) -> Result<(), FangError> {
        unimplemented!("bounce processing")
    }

    fn task_type(&self) -> String {
        super::BOUNCE_TASK.to_string()
    }

    fn uniq(&self) -> bool {
        true
    }
}
