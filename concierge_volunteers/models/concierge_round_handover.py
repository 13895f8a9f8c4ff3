# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import hmac
import secrets

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import misc

from odoo.addons.concierge_base.models.concierge_state_guard import transition

CODE_SCOPE = "concierge-round-code"
CODE_LENGTH = 6
SMS_LENGTH = 160


class ConciergeRoundHandover(models.Model):
    """One beneficiary met at a stop of a round: what is delivered to them
    and collected from them, the one-time code sent to them at the
    departure (kept only as a keyed hash), and how the handover was proved
    (the code, or a signature drawn on the driver's screen)."""

    _name = "concierge.round.handover"
    _description = "Handover at a stop of a round"
    _order = "stop_id, id"
    _check_company_auto = True

    stop_id = fields.Many2one(
        "concierge.round.stop",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    round_id = fields.Many2one(
        related="stop_id.round_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="stop_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Beneficiary",
        required=True,
        readonly=True,
        index=True,
        check_company=True,
    )
    deliver_request_ids = fields.Many2many(
        "concierge.service.request",
        "concierge_round_handover_deliver_rel",
        "handover_id",
        "request_id",
        string="Delivered",
        readonly=True,
        check_company=True,
    )
    collect_request_ids = fields.Many2many(
        "concierge.service.request",
        "concierge_round_handover_collect_rel",
        "handover_id",
        "request_id",
        string="Collected",
        readonly=True,
        check_company=True,
    )
    code_hash = fields.Char(readonly=True, copy=False, groups="base.group_system")
    state = fields.Selection(
        [("pending", "To hand over"), ("done", "Handed over"), ("absent", "Absent")],
        required=True,
        default="pending",
        readonly=True,
        index=True,
        copy=False,
    )
    method = fields.Selection(
        [("code", "One-time code"), ("signature", "Signature")],
        string="Proved by",
        readonly=True,
        copy=False,
    )
    signature = fields.Image(
        readonly=True, copy=False, attachment=True, max_width=1024, max_height=512
    )
    signer_name = fields.Char(string="Signed by", readonly=True, copy=False)
    done_date = fields.Datetime(string="Handed over on", readonly=True, copy=False)
    user_id = fields.Many2one(
        "res.users", string="Recorded by", readonly=True, copy=False
    )
    absent_reason = fields.Char(string="Why not handed over", readonly=True)

    @api.depends("partner_id", "stop_id")
    def _compute_display_name(self):
        for handover in self:
            handover.display_name = self.env._(
                "%(partner)s at %(stop)s",
                partner=handover.partner_id.name,
                stop=handover.stop_id.name,
            )

    # ------------------------------------------------------------------
    # codes
    # ------------------------------------------------------------------
    @api.model
    def _concierge_hash(self, stop, partner, code):
        return misc.hmac(
            self.env(su=True), CODE_SCOPE, f"{stop.id}:{partner.id}:{code}"
        )

    def _concierge_matches(self, code):
        """Whether ``code`` (digits) is the code of this pending handover."""
        self.ensure_one()
        stored = self.sudo().code_hash
        if self.state != "pending" or not stored:
            return False
        typed = self._concierge_hash(self.stop_id, self.partner_id, code)
        return hmac.compare_digest(stored, typed)

    def _concierge_issue_codes(self):
        """Give each handover a fresh one-time code (two beneficiaries of a
        stop never share one), keep its hash and send it to the
        beneficiary. Returns {handover: code}: the codes are kept nowhere."""
        codes = {}
        for stop, handovers in self.grouped("stop_id").items():
            taken = set()
            for handover in handovers:
                code = f"{secrets.randbelow(10**CODE_LENGTH):0{CODE_LENGTH}d}"
                while code in taken:
                    code = f"{secrets.randbelow(10**CODE_LENGTH):0{CODE_LENGTH}d}"
                taken.add(code)
                handover.sudo().code_hash = self._concierge_hash(
                    stop, handover.partner_id, code
                )
                codes[handover] = code
        for handover, code in codes.items():
            handover._concierge_send_code(code)
        return codes

    def _concierge_code_text(self, code):
        """The message of the code, in the beneficiary's language."""
        self.ensure_one()
        env = self.with_context(lang=self.partner_id.lang or self.env.lang).env
        round_ = self.round_id
        return env._(
            "Code %(code)s: give it to the driver of the round on %(day)s "
            "(%(stop)s) to get your items.",
            code=code,
            day=misc.format_date(env, round_.date),
            stop=self.stop_id.commune or self.stop_id.name,
        )[:SMS_LENGTH]

    def _concierge_send_code(self, code):
        """Send ``code`` to the beneficiary by mail (deleted once sent) and
        by SMS where the company sends the pick-up codes by SMS."""
        self.ensure_one()
        partner = self.partner_id.sudo()
        text = self._concierge_code_text(code)
        if partner.email:
            sender = self.company_id.partner_id.email_formatted
            self.env["mail.mail"].sudo().create(
                {
                    "subject": self.env._("Your code for the round"),
                    "body_html": Markup("<p>%s</p>") % text,
                    "email_to": partner.email_formatted,
                    **({"email_from": sender} if sender else {}),
                    "auto_delete": True,
                }
            )
        number = partner.mobile or partner.phone
        if self.company_id.concierge_pickup_sms and number:
            self.env["sms.sms"].sudo().create(
                {"number": number, "partner_id": partner.id, "body": text}
            )
        return True

    # ------------------------------------------------------------------
    # handover
    # ------------------------------------------------------------------
    @transition
    def _concierge_hand_over(self, method, signature=None, signer_name=None):
        """The beneficiaries got their items (``method``: code, signature):
        the requests delivered are handed back through the services' flow
        (their items leave the vehicle, the requests close once all is
        delivered), those collected move on; the stops all of whose
        beneficiaries are met are done. Returns True."""
        now = fields.Datetime.now()
        for handover in self:
            handover._concierge_deliver()
            collected = handover.collect_request_ids.filtered(
                lambda r: r.state == "confirmed"
            )
            if collected:
                collected.action_start()
                note = self.env._(
                    "Collected on the round %(round)s.",
                    round=handover.round_id.display_name,
                )
                collected._message_log_batch(bodies=dict.fromkeys(collected.ids, note))
        self.write(
            {
                "state": "done",
                "method": method,
                "signature": signature or False,
                "signer_name": signer_name or False,
                "done_date": now,
                "user_id": self.env.uid,
            }
        )
        self.sudo().write({"code_hash": False})
        self.stop_id._concierge_done_if_served()
        return True

    def _concierge_deliver(self):
        """Hand back the ready requests of the handover: their lines
        without item are delivered, their items leave the vehicle."""
        self.ensure_one()
        requests = self.deliver_request_ids.filtered(lambda r: r.state == "ready")
        if not requests:
            return True
        requests.line_ids.filtered(
            lambda line: line.state == "to_do" and not line.custody_item_ids
        ).action_deliver()
        requests._concierge_hand_back("round")
        requests.custody_item_ids.filtered(
            lambda i: i.state == "returned" and i.concierge_van_location_id
        ).write({"concierge_van_location_id": False})
        return True
