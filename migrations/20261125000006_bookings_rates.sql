-- bookings service: how rooms are sold. A night starts from the room type's base price (owned by
-- the rooms service); the rules here refine it. A room type without a rate plan sells at its base
-- price, free to cancel, without taxes.

-- The hotel's clock: "today", arrival and departure times are the hotel's, not the server's.
CREATE TABLE bookings.hotel (
    singleton       boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    time_zone       text NOT NULL DEFAULT 'Europe/Berlin',
    check_in_time   time NOT NULL DEFAULT '15:00',
    check_out_time  time NOT NULL DEFAULT '11:00'
);
INSERT INTO bookings.hotel DEFAULT VALUES;

CREATE TABLE bookings.rate_plans (
    room_type                text PRIMARY KEY,
    included_adults          smallint NOT NULL DEFAULT 2 CHECK (included_adults >= 1),
    included_children        smallint NOT NULL DEFAULT 0 CHECK (included_children >= 0),
    extra_adult_minor        bigint NOT NULL DEFAULT 0 CHECK (extra_adult_minor >= 0),
    extra_child_minor        bigint NOT NULL DEFAULT 0 CHECK (extra_child_minor >= 0),
    vat_bp                   integer NOT NULL DEFAULT 0 CHECK (vat_bp BETWEEN 0 AND 10000),
    city_tax_minor           bigint NOT NULL DEFAULT 0 CHECK (city_tax_minor >= 0),
    city_tax_max_nights      integer NOT NULL DEFAULT 0 CHECK (city_tax_max_nights >= 0),
    -- Cancelling is free until this many days before arrival (at the hotel's check-in time).
    free_cancellation_days   integer NOT NULL DEFAULT 0 CHECK (free_cancellation_days >= 0),
    late_cancellation_fee    text NOT NULL DEFAULT 'none'
                             CHECK (late_cancellation_fee IN ('none', 'first_night', 'percent')),
    late_cancellation_bp     integer NOT NULL DEFAULT 0 CHECK (late_cancellation_bp BETWEEN 0 AND 10000),
    CONSTRAINT rate_plans_percent_fee CHECK ((late_cancellation_fee = 'percent') = (late_cancellation_bp > 0))
);

CREATE TABLE bookings.seasons (
    id          bigserial PRIMARY KEY,
    room_type   text NOT NULL,
    name        text NOT NULL CHECK (name <> ''),
    starts      date NOT NULL,
    ends        date NOT NULL,
    -- Either a fixed nightly price or a percentage on the base price, never both.
    fixed_minor bigint CHECK (fixed_minor >= 0),
    adjust_bp   integer CHECK (adjust_bp >= -10000),
    CONSTRAINT seasons_range CHECK (ends > starts),
    CONSTRAINT seasons_one_price CHECK ((fixed_minor IS NULL) <> (adjust_bp IS NULL)),
    CONSTRAINT seasons_no_overlap EXCLUDE USING gist (room_type WITH =, daterange(starts, ends, '[)') WITH &&)
);

CREATE TABLE bookings.weekday_adjustments (
    room_type  text NOT NULL,
    name       text NOT NULL CHECK (name <> ''),
    -- ISO weekday: 1 = Monday … 7 = Sunday; a night is priced by the weekday it starts on.
    isodow     smallint NOT NULL CHECK (isodow BETWEEN 1 AND 7),
    adjust_bp  integer NOT NULL CHECK (adjust_bp >= -10000),
    PRIMARY KEY (room_type, isodow)
);

CREATE TABLE bookings.stay_discounts (
    room_type    text NOT NULL,
    min_nights   integer NOT NULL CHECK (min_nights >= 1),
    discount_bp  integer NOT NULL CHECK (discount_bp BETWEEN 0 AND 10000),
    PRIMARY KEY (room_type, min_nights)
);

CREATE TABLE bookings.promo_codes (
    code         text PRIMARY KEY CHECK (code ~ '^[A-Z0-9]{3,20}$'),
    percent_bp   integer CHECK (percent_bp BETWEEN 1 AND 10000),
    fixed_minor  bigint CHECK (fixed_minor > 0),
    currency     char(3) NOT NULL,
    valid_from   date NOT NULL,
    valid_to     date NOT NULL,
    min_nights   integer NOT NULL DEFAULT 1 CHECK (min_nights >= 1),
    CONSTRAINT promo_codes_range CHECK (valid_to > valid_from),
    CONSTRAINT promo_codes_one_discount CHECK ((percent_bp IS NULL) <> (fixed_minor IS NULL))
);

CREATE TABLE bookings.restrictions (
    id         bigserial PRIMARY KEY,
    room_type  text NOT NULL,
    starts     date NOT NULL,
    ends       date NOT NULL,
    rule       text NOT NULL CHECK (rule IN ('min_stay', 'max_stay', 'closed_to_arrival', 'closed_to_departure',
                                             'min_lead_days', 'max_advance_days')),
    value      integer,
    CONSTRAINT restrictions_range CHECK (ends > starts),
    CONSTRAINT restrictions_value CHECK (
        CASE WHEN rule IN ('closed_to_arrival', 'closed_to_departure') THEN value IS NULL
             WHEN rule IN ('min_stay', 'max_stay') THEN value >= 1
             ELSE value >= 0 END)
);
CREATE INDEX restrictions_room_type_idx ON bookings.restrictions (room_type, starts);

-- What a booking was sold at, so its bill and its cancellation terms never change under it.
ALTER TABLE bookings.bookings
    ADD COLUMN price_detail              jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN promo_code                text,
    ADD COLUMN free_cancellation_until   timestamptz,
    ADD COLUMN late_cancellation_minor   bigint NOT NULL DEFAULT 0 CHECK (late_cancellation_minor >= 0),
    ADD COLUMN cancellation_fee_minor    bigint CHECK (cancellation_fee_minor >= 0),
    ADD COLUMN updated_at                timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT bookings_fee_not_above_total CHECK (late_cancellation_minor <= total_minor);
