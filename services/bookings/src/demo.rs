//! The demo hotel's rates and a year of its history: seasons, weekend prices, long-stay
//! discounts, taxes, cancellation policies, promo codes, restrictions, and bookings from six
//! months ago to six months ahead. Imported history, so no events are published for it.
use crate::pricing::{price, BasisPoints, PromoDiscount};
use crate::restrictions::{Restriction, Rule};
use crate::{BookingStatus, BookingsService, CancellationPolicy, LateFee, RatePlanSettings, SeasonInput};
use anyhow::Context;
use chrono::{Datelike, Duration, NaiveDate};
use kernel::{Currency, Money, Party, RoomTypeCode, Stay, UserId};

impl BookingsService {
    /// Loads the demo rates and bookings once; `false` when they are already there.
    pub async fn seed_demo(&self, guests: &[UserId]) -> anyhow::Result<bool> {
        let seeded: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM bookings.rate_plans WHERE room_type = 'STD')")
            .fetch_one(self.pool())
            .await?;
        if seeded {
            return Ok(false);
        }
        let today = self.today();
        let inventory = self.rooms().inventory().await?;
        for t in &inventory.room_types {
            self.seed_rates(&t.code, today).await.with_context(|| format!("demo rates of {}", t.code))?;
        }
        self.seed_promos(today).await?;
        self.seed_history(guests, today).await?;
        // The demo hotel has last night's audit waiting, for a manager to try it.
        sqlx::query("UPDATE bookings.hotel SET business_date = $1").bind(today - Duration::days(1)).execute(self.pool()).await?;
        Ok(true)
    }

    async fn seed_rates(&self, code: &RoomTypeCode, today: NaiveDate) -> anyhow::Result<()> {
        let suite = code.as_str() == "STE";
        self.set_rate_plan(code, &RatePlanSettings {
            included_adults: 2,
            included_children: 0,
            extra_adult_minor: 2_500,
            extra_child_minor: 1_500,
            vat_bp: 700,
            city_tax_minor: 250,
            city_tax_max_nights: 7,
            cancellation: if suite {
                CancellationPolicy { free_days: 7, late_fee: LateFee::Percent(BasisPoints::percent(50)) }
            } else {
                CancellationPolicy { free_days: 2, late_fee: LateFee::FirstNight }
            },
        })
        .await?;
        for year in [today.year() - 1, today.year(), today.year() + 1] {
            let d = |m, day| NaiveDate::from_ymd_opt(year, m, day).expect("a real date");
            let seasons = [
                ("Low season", d(1, 7), d(3, 16), -1_500),
                ("Summer", d(6, 15), d(9, 16), 2_000),
                ("Festive season", d(12, 20), d(12, 31), 2_500),
            ];
            for (name, starts, ends, bp) in seasons {
                let season = SeasonInput { name: format!("{name} {year}"), starts, ends, fixed_minor: None, adjust_bp: Some(bp) };
                self.add_season(code, &season).await?;
            }
            // New Year's Eve: two nights at least, whoever arrives around it.
            self.add_restriction(code, &Restriction::new(d(12, 30), d(12, 31) + Duration::days(2), Rule::MinStay { nights: 2 })?)
                .await?;
        }
        self.set_weekday_adjustment(code, "Weekend", &[5, 6], BasisPoints::percent(15)).await?;
        self.set_stay_discount(code, 7, BasisPoints::percent(10)).await?;
        self.set_stay_discount(code, 14, BasisPoints::percent(15)).await?;
        let two_years = (today - Duration::days(400), today + Duration::days(800));
        self.add_restriction(code, &Restriction::new(two_years.0, two_years.1, Rule::MaxAdvanceDays { days: 365 })?).await?;
        if suite {
            self.add_restriction(code, &Restriction::new(two_years.0, two_years.1, Rule::MinStay { nights: 2 })?).await?;
        }
        Ok(())
    }

    async fn seed_promos(&self, today: NaiveDate) -> anyhow::Result<()> {
        let year = (today - Duration::days(30), today + Duration::days(365));
        self.add_promo_code("WELCOME10", PromoDiscount::Percent(BasisPoints::percent(10)), Currency::EUR, year, 1).await?;
        let twenty = Money::from_minor(2_000, Currency::EUR);
        self.add_promo_code("STAY3", PromoDiscount::Fixed(twenty), Currency::EUR, year, 3).await?;
        Ok(())
    }

    /// Roughly two thirds of the room nights from 180 days ago to 180 days ahead, each stay
    /// priced by the rates and with the status its dates imply.
    async fn seed_history(&self, guests: &[UserId], today: NaiveDate) -> anyhow::Result<()> {
        if guests.is_empty() {
            return Ok(());
        }
        let inventory = self.rooms().inventory().await?;
        let rates = self.rates().await?;
        let mut rng = Lcg(0x5eed);
        let mut tx = self.pool().begin().await?;
        for room in inventory.sellable.values().flatten() {
            let room_type = inventory.room_types.iter().find(|t| t.code == room.room_type).context("room type")?;
            let plan = rates.of(&room.room_type).plan(room_type.base_price)?;
            let mut day = today - Duration::days(180 - rng.below(4) as i64);
            while day < today + Duration::days(180) {
                let nights = 1 + rng.below(6) as i64;
                let stay = Stay::new(day, day + Duration::days(nights))?;
                let party = Party::new(1 + rng.below(u64::from(room_type.max_adults)) as u8, 0)?;
                let priced = price(&plan, &stay, &party, None)?;
                let status = match (stay.check_out() <= today, stay.check_in() <= today, rng.below(20)) {
                    (_, _, 0) => BookingStatus::Cancelled,
                    (true, _, _) => BookingStatus::CheckedOut,
                    (false, true, _) => BookingStatus::CheckedIn,
                    (false, false, _) => BookingStatus::Confirmed,
                };
                let terms = rates.of(&room.room_type).cancellation().terms(&priced, &self.clock(), day);
                sqlx::query(
                    "INSERT INTO bookings.bookings (id, user_id, room_id, room_number, room_type, check_in, check_out,
                         adults, children, total_minor, currency, status, idempotency_key, price_detail,
                         free_cancellation_until, late_cancellation_minor)
                     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, 0, $8, $9, $10, gen_random_uuid(), $11, $12, $13)",
                )
                .bind(guests[rng.below(guests.len() as u64) as usize].as_uuid())
                .bind(room.id.as_uuid())
                .bind(&room.number)
                .bind(room.room_type.as_str())
                .bind(stay.check_in())
                .bind(stay.check_out())
                .bind(i16::from(party.adults()))
                .bind(priced.total().minor())
                .bind(priced.total().currency().code())
                .bind(status.as_str())
                .bind(serde_json::to_value(&priced)?)
                .bind(terms.free_until)
                .bind(terms.late_fee.minor())
                .execute(&mut *tx)
                .await?;
                day = stay.check_out() + Duration::days(rng.below(4) as i64);
            }
        }
        tx.commit().await?;
        Ok(())
    }
}

/// A small deterministic generator, so the demo hotel is the same on every machine.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}
