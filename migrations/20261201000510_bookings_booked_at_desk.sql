-- bookings: a booking made by the front desk for a guest is the first line of its history, with
-- the member of staff who made it as the actor.
ALTER TABLE bookings.audit_log DROP CONSTRAINT audit_log_action;
ALTER TABLE bookings.audit_log
    ADD CONSTRAINT audit_log_action CHECK (
        action IN ('check_in', 'check_out', 'move_room', 'modify', 'cancel', 'add_note',
                   'no_show', 'cancel_fee_waived', 'revert_check_in', 'book')
    );
