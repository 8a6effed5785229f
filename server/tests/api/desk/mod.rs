//! The front desk's console: its server functions against the real stack.
mod stay;
mod today;
