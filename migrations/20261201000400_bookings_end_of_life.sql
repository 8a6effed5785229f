-- bookings: the desk's end-of-life actions in the audit trail (a no-show, a cancellation with
-- its fee waived, a check-in taken back); a waiver always says why.
ALTER TABLE bookings.audit_log DROP CONSTRAINT audit_log_action;
ALTER TABLE bookings.audit_log
    ADD CONSTRAINT audit_log_action CHECK (
        action IN ('check_in', 'check_out', 'move_room', 'modify', 'cancel', 'add_note',
                   'no_show', 'cancel_fee_waived', 'revert_check_in')
    ),
    ADD CONSTRAINT audit_log_waiver_reason CHECK (
        action <> 'cancel_fee_waived' OR char_length(btrim(reason)) BETWEEN 3 AND 500
    );
