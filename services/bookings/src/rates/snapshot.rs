//! Rules change a few times a day and are read on every search: searches and bookings read a
//! snapshot at most two seconds old, dropped at once when this process changes a rule.
use super::Rates;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

pub(crate) struct RatesCache {
    ttl: Duration,
    slot: RwLock<Option<(Instant, Arc<Rates>)>>,
    /// One reload at a time: when the snapshot expires under load, one request reloads it and
    /// the others wait for that instead of each querying PostgreSQL.
    pub(crate) reloading: tokio::sync::Mutex<()>,
}

impl RatesCache {
    pub(crate) fn new(ttl: Duration) -> Self {
        Self { ttl, slot: RwLock::new(None), reloading: tokio::sync::Mutex::new(()) }
    }

    pub(crate) fn fresh(&self) -> Option<Arc<Rates>> {
        match &*self.slot.read().expect("rates cache lock") {
            Some((at, rates)) if at.elapsed() < self.ttl => Some(rates.clone()),
            _ => None,
        }
    }

    pub(crate) fn store(&self, loaded_at: Instant, rates: Rates) -> Arc<Rates> {
        let rates = Arc::new(rates);
        *self.slot.write().expect("rates cache lock") = Some((loaded_at, rates.clone()));
        rates
    }

    pub(crate) fn invalidate(&self) {
        *self.slot.write().expect("rates cache lock") = None;
    }
}
