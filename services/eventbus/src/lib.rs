//! Events leave a service only through its outbox table, written in the same transaction as
//! the change they describe; the relay publishes them to Kafka; consumers remember what they
//! have handled, so a redelivery changes nothing.
mod consumer;
mod outbox;
mod publisher;
mod relay;

pub use consumer::{run_consumer, ClosedApart, Handler, Subscription};
pub use outbox::{enqueue, OutboxTable};
pub use publisher::Publisher;
pub use relay::{producer, Relay};
