-- notifications service: message templates per event and language, so managers can reword them
-- without a release. Rendered with minijinja when an event queues a delivery; English is the
-- fallback for a language without its own template. Each event's variables are fixed by the
-- service (see services/notifications/src/domain.rs); money arrives formatted ("€389.00").
CREATE TABLE notifications.templates (
    event       text NOT NULL CHECK (event ~ '^[a-z]+(\.[a-z_]+)+$'),
    language    text NOT NULL CHECK (language ~ '^[a-z]{2}$'),
    subject     text NOT NULL CHECK (subject <> ''),
    body_html   text NOT NULL CHECK (body_html <> ''),
    body_text   text NOT NULL CHECK (body_text <> ''),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event, language)
);

-- Which template language a delivery was written in, and when it was last tried (the next try
-- is that plus the backoff).
ALTER TABLE notifications.deliveries
    ADD COLUMN language text NOT NULL DEFAULT 'en',
    ADD COLUMN last_attempt_at timestamptz;

INSERT INTO notifications.templates (event, language, subject, body_text, body_html) VALUES
('booking.created', 'en', $s$Your booking {{ reference }} is confirmed$s$,
$t$Dear {{ guest_name }},

Thank you for booking with us. Your stay is confirmed.

Booking:   {{ reference }}
Room:      {{ room_type }} ({{ room_number }})
Check-in:  {{ check_in }}
Check-out: {{ check_out }}
Nights:    {{ nights }}
Guests:    {{ adults }} {{ "adult" if adults == 1 else "adults" }}
{% if children %}
           {{ children }} {{ "child" if children == 1 else "children" }}
{% endif %}
Total:     {{ total }}

We look forward to welcoming you.

Hotel Aurora
$t$,
$h$<p>Dear {{ guest_name }},</p>
<p>Thank you for booking with us. Your stay is confirmed.</p>
<table>
<tr><th align="left">Booking</th><td>{{ reference }}</td></tr>
<tr><th align="left">Room</th><td>{{ room_type }} ({{ room_number }})</td></tr>
<tr><th align="left">Check-in</th><td>{{ check_in }}</td></tr>
<tr><th align="left">Check-out</th><td>{{ check_out }}</td></tr>
<tr><th align="left">Nights</th><td>{{ nights }}</td></tr>
<tr><th align="left">Guests</th><td>{{ adults }} {{ "adult" if adults == 1 else "adults" }}{% if children %}, {{ children }} {{ "child" if children == 1 else "children" }}{% endif %}</td></tr>
<tr><th align="left">Total</th><td><strong>{{ total }}</strong></td></tr>
</table>
<p>We look forward to welcoming you.</p>
<p>Hotel Aurora</p>
$h$),

('booking.created', 'de', $s$Ihre Buchung {{ reference }} ist bestätigt$s$,
$t$Guten Tag {{ guest_name }},

vielen Dank für Ihre Buchung. Ihr Aufenthalt ist bestätigt.

Buchung:  {{ reference }}
Zimmer:   {{ room_type }} ({{ room_number }})
Anreise:  {{ check_in }}
Abreise:  {{ check_out }}
Nächte:   {{ nights }}
Gäste:    {{ adults }} {{ "Erwachsener" if adults == 1 else "Erwachsene" }}
{% if children %}
          {{ children }} {{ "Kind" if children == 1 else "Kinder" }}
{% endif %}
Gesamt:   {{ total }}

Wir freuen uns auf Ihren Besuch.

Hotel Aurora
$t$,
$h$<p>Guten Tag {{ guest_name }},</p>
<p>vielen Dank für Ihre Buchung. Ihr Aufenthalt ist bestätigt.</p>
<table>
<tr><th align="left">Buchung</th><td>{{ reference }}</td></tr>
<tr><th align="left">Zimmer</th><td>{{ room_type }} ({{ room_number }})</td></tr>
<tr><th align="left">Anreise</th><td>{{ check_in }}</td></tr>
<tr><th align="left">Abreise</th><td>{{ check_out }}</td></tr>
<tr><th align="left">Nächte</th><td>{{ nights }}</td></tr>
<tr><th align="left">Gäste</th><td>{{ adults }} {{ "Erwachsener" if adults == 1 else "Erwachsene" }}{% if children %}, {{ children }} {{ "Kind" if children == 1 else "Kinder" }}{% endif %}</td></tr>
<tr><th align="left">Gesamt</th><td><strong>{{ total }}</strong></td></tr>
</table>
<p>Wir freuen uns auf Ihren Besuch.</p>
<p>Hotel Aurora</p>
$h$),

('booking.cancelled', 'en', $s$Your booking {{ reference }} is cancelled$s$,
$t$Dear {{ guest_name }},

Your booking {{ reference }} from {{ check_in }} to {{ check_out }} has been cancelled.
{% if reason %}
Reason: {{ reason }}
{% endif %}

{% if fee %}
A cancellation fee of {{ fee }} applies under the booking's cancellation policy.
{% else %}
The cancellation is free of charge.
{% endif %}

We hope to welcome you another time.

Hotel Aurora
$t$,
$h$<p>Dear {{ guest_name }},</p>
<p>Your booking <strong>{{ reference }}</strong> from {{ check_in }} to {{ check_out }} has been cancelled.</p>
{% if reason %}<p>Reason: {{ reason }}</p>{% endif %}
{% if fee %}<p>A cancellation fee of <strong>{{ fee }}</strong> applies under the booking's cancellation policy.</p>{% else %}<p>The cancellation is <strong>free of charge</strong>.</p>{% endif %}
<p>We hope to welcome you another time.</p>
<p>Hotel Aurora</p>
$h$),

('booking.cancelled', 'de', $s$Ihre Buchung {{ reference }} ist storniert$s$,
$t$Guten Tag {{ guest_name }},

Ihre Buchung {{ reference }} vom {{ check_in }} bis {{ check_out }} wurde storniert.
{% if reason %}
Grund: {{ reason }}
{% endif %}

{% if fee %}
Gemäß den Stornobedingungen Ihrer Buchung fällt eine Stornogebühr von {{ fee }} an.
{% else %}
Die Stornierung ist für Sie kostenlos.
{% endif %}

Wir würden uns freuen, Sie ein anderes Mal bei uns begrüßen zu dürfen.

Hotel Aurora
$t$,
$h$<p>Guten Tag {{ guest_name }},</p>
<p>Ihre Buchung <strong>{{ reference }}</strong> vom {{ check_in }} bis {{ check_out }} wurde storniert.</p>
{% if reason %}<p>Grund: {{ reason }}</p>{% endif %}
{% if fee %}<p>Gemäß den Stornobedingungen Ihrer Buchung fällt eine Stornogebühr von <strong>{{ fee }}</strong> an.</p>{% else %}<p>Die Stornierung ist für Sie <strong>kostenlos</strong>.</p>{% endif %}
<p>Wir würden uns freuen, Sie ein anderes Mal bei uns begrüßen zu dürfen.</p>
<p>Hotel Aurora</p>
$h$),

('payment.completed', 'en',
$s${% if kind == "authorisation" %}Card authorised for booking {{ reference }}{% elif kind == "capture" %}Payment receipt for booking {{ reference }}{% elif kind == "refund" %}Refund for booking {{ reference }}{% else %}Card hold released for booking {{ reference }}{% endif %}$s$,
$t$Dear {{ guest_name }},

{% if kind == "authorisation" %}
We have placed a hold of {{ amount }} on your card{{ " ending in " ~ card_last4 if card_last4 else "" }} for booking {{ reference }}. Nothing has been charged yet: the amount is only reserved until the payment is taken.
{% elif kind == "capture" %}
We have received your payment of {{ amount }}{{ " from your card ending in " ~ card_last4 if card_last4 else "" }} for booking {{ reference }}. Thank you.
{% elif kind == "refund" %}
We have refunded {{ amount }}{{ " to your card ending in " ~ card_last4 if card_last4 else "" }} for booking {{ reference }}. Depending on your bank, it may take a few days to appear on your statement.
{% else %}
We have released the hold of {{ amount }} on your card{{ " ending in " ~ card_last4 if card_last4 else "" }} for booking {{ reference }}. Nothing was charged.
{% endif %}

Booking: {{ reference }}
Amount:  {{ amount }}
{% if card_last4 %}
Card:    **** {{ card_last4 }}
{% endif %}

Please keep this email for your records.

Hotel Aurora
$t$,
$h$<p>Dear {{ guest_name }},</p>
{% if kind == "authorisation" %}<p>We have placed a hold of <strong>{{ amount }}</strong> on your card for booking {{ reference }}. Nothing has been charged yet: the amount is only reserved until the payment is taken.</p>
{% elif kind == "capture" %}<p>We have received your payment of <strong>{{ amount }}</strong> for booking {{ reference }}. Thank you.</p>
{% elif kind == "refund" %}<p>We have refunded <strong>{{ amount }}</strong> for booking {{ reference }}. Depending on your bank, it may take a few days to appear on your statement.</p>
{% else %}<p>We have released the hold of <strong>{{ amount }}</strong> on your card for booking {{ reference }}. Nothing was charged.</p>
{% endif %}
<table>
<tr><th align="left">Booking</th><td>{{ reference }}</td></tr>
<tr><th align="left">Amount</th><td>{{ amount }}</td></tr>
{% if card_last4 %}<tr><th align="left">Card</th><td>**** {{ card_last4 }}</td></tr>{% endif %}
</table>
<p>Please keep this email for your records.</p>
<p>Hotel Aurora</p>
$h$),

('payment.completed', 'de',
$s${% if kind == "authorisation" %}Kartenautorisierung für Buchung {{ reference }}{% elif kind == "capture" %}Zahlungsbeleg für Buchung {{ reference }}{% elif kind == "refund" %}Erstattung für Buchung {{ reference }}{% else %}Vormerkung aufgehoben für Buchung {{ reference }}{% endif %}$s$,
$t$Guten Tag {{ guest_name }},

{% if kind == "authorisation" %}
wir haben für Ihre Buchung {{ reference }} einen Betrag von {{ amount }} auf Ihrer Karte{{ " mit der Endung " ~ card_last4 if card_last4 else "" }} vorgemerkt. Belastet wurde noch nichts: Der Betrag ist nur reserviert, bis die Zahlung eingezogen wird.
{% elif kind == "capture" %}
wir haben Ihre Zahlung von {{ amount }} für die Buchung {{ reference }} erhalten{{ " (Karte mit der Endung " ~ card_last4 ~ ")" if card_last4 else "" }}. Vielen Dank.
{% elif kind == "refund" %}
wir haben Ihnen {{ amount }} für die Buchung {{ reference }} erstattet{{ " (Karte mit der Endung " ~ card_last4 ~ ")" if card_last4 else "" }}. Je nach Bank kann es einige Tage dauern, bis die Gutschrift auf Ihrer Abrechnung erscheint.
{% else %}
die Vormerkung von {{ amount }} auf Ihrer Karte{{ " mit der Endung " ~ card_last4 if card_last4 else "" }} für die Buchung {{ reference }} wurde aufgehoben. Es wurde nichts belastet.
{% endif %}

Buchung: {{ reference }}
Betrag:  {{ amount }}
{% if card_last4 %}
Karte:   **** {{ card_last4 }}
{% endif %}

Bitte bewahren Sie diese E-Mail für Ihre Unterlagen auf.

Hotel Aurora
$t$,
$h$<p>Guten Tag {{ guest_name }},</p>
{% if kind == "authorisation" %}<p>wir haben für Ihre Buchung {{ reference }} einen Betrag von <strong>{{ amount }}</strong> auf Ihrer Karte vorgemerkt. Belastet wurde noch nichts: Der Betrag ist nur reserviert, bis die Zahlung eingezogen wird.</p>
{% elif kind == "capture" %}<p>wir haben Ihre Zahlung von <strong>{{ amount }}</strong> für die Buchung {{ reference }} erhalten. Vielen Dank.</p>
{% elif kind == "refund" %}<p>wir haben Ihnen <strong>{{ amount }}</strong> für die Buchung {{ reference }} erstattet. Je nach Bank kann es einige Tage dauern, bis die Gutschrift auf Ihrer Abrechnung erscheint.</p>
{% else %}<p>die Vormerkung von <strong>{{ amount }}</strong> auf Ihrer Karte für die Buchung {{ reference }} wurde aufgehoben. Es wurde nichts belastet.</p>
{% endif %}
<table>
<tr><th align="left">Buchung</th><td>{{ reference }}</td></tr>
<tr><th align="left">Betrag</th><td>{{ amount }}</td></tr>
{% if card_last4 %}<tr><th align="left">Karte</th><td>**** {{ card_last4 }}</td></tr>{% endif %}
</table>
<p>Bitte bewahren Sie diese E-Mail für Ihre Unterlagen auf.</p>
<p>Hotel Aurora</p>
$h$),

('payment.failed', 'en',
$s${% if kind == "refund" %}Your refund for booking {{ reference }} could not be made{% else %}Your payment for booking {{ reference }} did not go through{% endif %}$s$,
$t$Dear {{ guest_name }},

{% if kind == "refund" %}
We could not refund {{ amount }}{{ " to your card ending in " ~ card_last4 if card_last4 else "" }} for booking {{ reference }}.
{% else %}
A payment of {{ amount }}{{ " with your card ending in " ~ card_last4 if card_last4 else "" }} for booking {{ reference }} did not go through. Nothing has been charged.
{% endif %}

What happened:
{% if reason == "declined" %}
Your bank declined the payment.
{% elif reason == "insufficient_funds" %}
Your bank declined the payment: the card's available balance or limit was not enough.
{% elif reason == "gateway_error" or reason == "timeout" %}
Our payment provider could not be reached. This was not caused by your card.
{% else %}
{{ message }}
{% endif %}

What to do:
{% if kind == "refund" %}
Nothing: our front desk will look into it and contact you.
{% elif reason == "gateway_error" or reason == "timeout" %}
Please try again in a few minutes from your booking page. If it keeps failing, please call our front desk.
{% else %}
Please pay with another card from your booking page, or contact your bank. Our front desk is happy to help.
{% endif %}

Hotel Aurora
$t$,
$h$<p>Dear {{ guest_name }},</p>
{% if kind == "refund" %}<p>We could not refund <strong>{{ amount }}</strong> for booking {{ reference }}.</p>
{% else %}<p>A payment of <strong>{{ amount }}</strong> for booking {{ reference }} did not go through. Nothing has been charged.</p>
{% endif %}
<h3>What happened</h3>
<p>{% if reason == "declined" %}Your bank declined the payment.{% elif reason == "insufficient_funds" %}Your bank declined the payment: the card's available balance or limit was not enough.{% elif reason == "gateway_error" or reason == "timeout" %}Our payment provider could not be reached. This was not caused by your card.{% else %}{{ message }}{% endif %}</p>
<h3>What to do</h3>
<p>{% if kind == "refund" %}Nothing: our front desk will look into it and contact you.{% elif reason == "gateway_error" or reason == "timeout" %}Please try again in a few minutes from your booking page. If it keeps failing, please call our front desk.{% else %}Please pay with another card from your booking page, or contact your bank. Our front desk is happy to help.{% endif %}</p>
<p>Hotel Aurora</p>
$h$),

('payment.failed', 'de',
$s${% if kind == "refund" %}Ihre Erstattung für Buchung {{ reference }} ist fehlgeschlagen{% else %}Ihre Zahlung für Buchung {{ reference }} ist fehlgeschlagen{% endif %}$s$,
$t$Guten Tag {{ guest_name }},

{% if kind == "refund" %}
die Erstattung von {{ amount }}{{ " auf Ihre Karte mit der Endung " ~ card_last4 if card_last4 else "" }} für die Buchung {{ reference }} konnte nicht durchgeführt werden.
{% else %}
die Zahlung von {{ amount }}{{ " mit Ihrer Karte mit der Endung " ~ card_last4 if card_last4 else "" }} für die Buchung {{ reference }} ist fehlgeschlagen. Es wurde nichts belastet.
{% endif %}

Was ist passiert?
{% if reason == "declined" %}
Ihre Bank hat die Zahlung abgelehnt.
{% elif reason == "insufficient_funds" %}
Ihre Bank hat die Zahlung abgelehnt, weil das verfügbare Guthaben oder der Kartenrahmen nicht ausreicht.
{% elif reason == "gateway_error" or reason == "timeout" %}
Unser Zahlungsdienstleister war nicht erreichbar. Das lag nicht an Ihrer Karte.
{% else %}
Die Zahlung konnte nicht abgeschlossen werden.
{% endif %}

Was können Sie tun?
{% if kind == "refund" %}
Nichts: Unsere Rezeption kümmert sich darum und meldet sich bei Ihnen.
{% elif reason == "gateway_error" or reason == "timeout" %}
Bitte versuchen Sie es in einigen Minuten über Ihre Buchungsseite erneut. Sollte es weiterhin nicht klappen, rufen Sie bitte unsere Rezeption an.
{% else %}
Bitte zahlen Sie über Ihre Buchungsseite mit einer anderen Karte oder wenden Sie sich an Ihre Bank. Unsere Rezeption hilft Ihnen gern weiter.
{% endif %}

Hotel Aurora
$t$,
$h$<p>Guten Tag {{ guest_name }},</p>
{% if kind == "refund" %}<p>die Erstattung von <strong>{{ amount }}</strong> für die Buchung {{ reference }} konnte nicht durchgeführt werden.</p>
{% else %}<p>die Zahlung von <strong>{{ amount }}</strong> für die Buchung {{ reference }} ist fehlgeschlagen. Es wurde nichts belastet.</p>
{% endif %}
<h3>Was ist passiert?</h3>
<p>{% if reason == "declined" %}Ihre Bank hat die Zahlung abgelehnt.{% elif reason == "insufficient_funds" %}Ihre Bank hat die Zahlung abgelehnt, weil das verfügbare Guthaben oder der Kartenrahmen nicht ausreicht.{% elif reason == "gateway_error" or reason == "timeout" %}Unser Zahlungsdienstleister war nicht erreichbar. Das lag nicht an Ihrer Karte.{% else %}Die Zahlung konnte nicht abgeschlossen werden.{% endif %}</p>
<h3>Was können Sie tun?</h3>
<p>{% if kind == "refund" %}Nichts: Unsere Rezeption kümmert sich darum und meldet sich bei Ihnen.{% elif reason == "gateway_error" or reason == "timeout" %}Bitte versuchen Sie es in einigen Minuten über Ihre Buchungsseite erneut. Sollte es weiterhin nicht klappen, rufen Sie bitte unsere Rezeption an.{% else %}Bitte zahlen Sie über Ihre Buchungsseite mit einer anderen Karte oder wenden Sie sich an Ihre Bank. Unsere Rezeption hilft Ihnen gern weiter.{% endif %}</p>
<p>Hotel Aurora</p>
$h$);
