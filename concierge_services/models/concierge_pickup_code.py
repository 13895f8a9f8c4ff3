# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import hmac
import secrets
from datetime import timedelta

from psycopg2.errors import UniqueViolation

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, misc

from odoo.addons.concierge_base.models.concierge_state_guard import transition

# one live code per compartment, and per site no two live codes alike: the
# database refuses a second one, even from two transactions at once
LIVE_COMPARTMENT_KEY = "concierge_pickup_code_live_compartment"
LIVE_CODE_KEY = "concierge_pickup_code_live_code"
CODE_SCOPE = "concierge-pickup-code"
TOKEN_SCOPE = "concierge-pickup-qr"
SMS_LENGTH = 160
# the kiosk's limits on wrong codes (concierge.pickup.attempt)
MAX_FAILURES = 5
SITE_MAX_FAILURES = 20
FAILURE_WINDOW = timedelta(minutes=10)
COOL_DOWN = timedelta(minutes=15)


class ConciergePickupCode(models.Model):
    """The one-time code that opens a locker compartment: six random digits
    (and a QR code of a signed token) sent to the beneficiary, kept only as
    a keyed hash (HMAC of the database secret), valid until its expiry, used
    once. A *pick-up* code opens the compartment where the items of a
    request wait; a *drop-off* code opens the compartment the beneficiary
    reserved on the portal to leave an item out of hours."""

    _name = "concierge.pickup.code"
    _description = "Pick-up code"
    _inherit = ["concierge.state.guard"]
    _order = "id desc"
    _check_company_auto = True
    # no button: the codes change state through _concierge_close only

    kind = fields.Selection(
        [("pickup", "Pick-up"), ("dropoff", "Drop-off")],
        required=True,
        default="pickup",
        readonly=True,
        index=True,
    )
    compartment_id = fields.Many2one(
        "concierge.locker.compartment",
        required=True,
        readonly=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    site_id = fields.Many2one(
        related="compartment_id.site_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="compartment_id.company_id", store=True, index=True, precompute=True
    )
    request_id = fields.Many2one(
        "concierge.service.request",
        required=True,
        readonly=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    partner_id = fields.Many2one(
        related="request_id.partner_id", string="Beneficiary", store=True, index=True
    )
    custody_item_ids = fields.Many2many(
        "concierge.custody.item", string="Items", readonly=True
    )
    code_hash = fields.Char(
        readonly=True, required=True, copy=False, groups="base.group_system"
    )
    issue_date = fields.Datetime(
        string="Issued on",
        required=True,
        readonly=True,
        copy=False,
        default=fields.Datetime.now,
    )
    expiry_date = fields.Datetime(string="Valid until", required=True, readonly=True)
    state = fields.Selection(
        [
            ("active", "Active"),
            ("used", "Used"),
            ("expired", "Expired"),
            ("revoked", "Revoked"),
        ],
        required=True,
        default="active",
        readonly=True,
        index=True,
        copy=False,
    )
    used_date = fields.Datetime(string="Used on", readonly=True, copy=False)
    used_method = fields.Selection(
        [
            ("locker_code", "Code typed at the locker"),
            ("locker_qr", "QR code scanned at the locker"),
            ("counter", "At the counter"),
        ],
        string="Opened with",
        readonly=True,
        copy=False,
    )
    used_by_id = fields.Many2one("res.users", string="Used by", readonly=True)
    after_hours = fields.Boolean(
        string="Outside opening hours",
        readonly=True,
        copy=False,
        help="Used at the locker while the site's desk was closed.",
    )
    reminder_date = fields.Datetime(string="Reminded on", readonly=True, copy=False)
    closed_date = fields.Datetime(
        string="Ended on",
        readonly=True,
        copy=False,
        help="When the code was used, expired or replaced.",
    )
    released_date = fields.Datetime(
        string="Compartment free on",
        readonly=True,
        copy=False,
        help="When the compartment was free again: the code's end for a "
        "pick-up, the moment the concierge took the item out for a drop-off.",
    )

    def init(self):
        res = super().init()
        for name, columns in (
            (LIVE_COMPARTMENT_KEY, "compartment_id"),
            (LIVE_CODE_KEY, "site_id, code_hash"),
        ):
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s (%s) "
                    "WHERE state = 'active'",
                    SQL.identifier(name),
                    SQL.identifier(self._table),
                    SQL(columns),
                )
            )
        return res

    @api.depends("compartment_id", "request_id")
    def _compute_display_name(self):
        for code in self:
            code.display_name = self.env._(
                "%(request)s in %(compartment)s",
                request=code.request_id.name,
                compartment=code.compartment_id.display_name,
            )

    # ------------------------------------------------------------------
    # codes and tokens
    # ------------------------------------------------------------------
    @api.model
    def _concierge_hash(self, site, code):
        return misc.hmac(self.env(su=True), CODE_SCOPE, f"{site.id}:{code}")

    def _concierge_token(self):
        """The signed token of the QR code: the code's id and a signature
        of it by the database secret (nothing to store, void once the code
        is no longer active)."""
        self.ensure_one()
        signature = misc.hmac(
            self.env(su=True), TOKEN_SCOPE, f"{self.id}:{self.sudo().code_hash}"
        )
        return f"{self.id}.{signature}"

    @api.model
    def _concierge_find(self, site, code=None, token=None, kind=None):
        """The live code of ``site`` matching the typed ``code`` or the
        scanned ``token`` (empty when none), of ``kind`` when given."""
        Code = self.sudo()
        now = fields.Datetime.now()
        live = [
            ("site_id", "=", site.id),
            ("state", "=", "active"),
            ("expiry_date", ">", now),
        ]
        if kind:
            live.append(("kind", "=", kind))
        if code:
            code = "".join(ch for ch in code if ch.isdigit())
            if len(code) != 6:
                return Code.browse()
            key = ("code_hash", "=", self._concierge_hash(site, code))
            return Code.search([*live, key], limit=1)
        record_id = (token or "").partition(".")[0]
        if not record_id.isdigit():
            return Code.browse()
        found = Code.search([*live, ("id", "=", int(record_id))])
        if found and hmac.compare_digest(found._concierge_token(), token):
            return found
        return Code.browse()

    # ------------------------------------------------------------------
    # issue, use, expire
    # ------------------------------------------------------------------
    @api.model
    def _concierge_issue(self, request, compartment, items):
        """Put ``items`` (ready, of ``request``) in ``compartment`` and
        issue its code, replacing the request's live codes (re-issue); send
        the code to the beneficiary. Returns the code record."""
        Code = self.sudo()
        previous = Code.search(
            [
                ("request_id", "=", request.id),
                ("state", "=", "active"),
                ("kind", "=", "pickup"),
            ]
        )
        previous._concierge_close("revoked")
        record, code = self._concierge_create_code(
            request, compartment, {"custody_item_ids": [Command.set(items.ids)]}
        )
        # the concierge puts the items in; the compartment's state follows
        compartment.sudo()._concierge_occupy()
        items.filtered(lambda i: i.compartment_id != compartment)._concierge_put_in(
            compartment
        )
        record._concierge_send_code(code)
        request.message_post(
            body=self.env._(
                "Items %(tickets)s put in compartment %(compartment)s; the "
                "pick-up code was sent to the beneficiary, valid until %(expiry)s.",
                tickets=", ".join(items.mapped("name")),
                compartment=compartment.display_name,
                expiry=record._concierge_deadline(),
            )
        )
        return record.sudo(False)

    @api.model
    def _concierge_reserve(self, request, compartment):
        """Reserve ``compartment`` for the beneficiary of ``request`` (a
        draft request of a service taken into custody) to drop the item off
        out of hours; send the drop-off code. Returns (record, code): the
        portal shows the code once, it is kept nowhere."""
        record, code = self._concierge_create_code(
            request, compartment, {"kind": "dropoff"}
        )
        compartment.sudo()._concierge_reserve()
        record._concierge_send_code(code)
        request.message_post(
            body=self.env._(
                "Compartment %(compartment)s reserved for the beneficiary to "
                "drop the item off, until %(expiry)s; the drop-off code was sent.",
                compartment=compartment.display_name,
                expiry=record._concierge_deadline(),
            )
        )
        return record.sudo(False), code

    @api.model
    def _concierge_create_code(self, request, compartment, vals):
        """Create a live code of ``request`` for ``compartment`` (``vals``
        added); the database refuses a second live code for a compartment.
        Returns (record, code)."""
        code = self._concierge_new_code(compartment.site_id)
        hours = request.company_id.concierge_pickup_code_hours
        vals = {
            "compartment_id": compartment.id,
            "request_id": request.id,
            "code_hash": self._concierge_hash(compartment.site_id, code),
            "expiry_date": fields.Datetime.now() + timedelta(hours=hours),
            **vals,
        }
        try:
            with self.env.cr.savepoint():
                record = self.sudo().create(vals)
        except UniqueViolation as error:
            # another request took the compartment at the same moment
            raise UserError(
                self.env._(
                    "Compartment %(compartment)s was just given to another "
                    "request: choose a locker again.",
                    compartment=compartment.display_name,
                )
            ) from error
        return record, code

    @api.model
    def _concierge_new_code(self, site):
        """Six random digits no live code of ``site`` has."""
        Code = self.sudo()
        while True:
            code = f"{secrets.randbelow(10**6):06d}"
            taken = Code.search_count(
                [
                    ("site_id", "=", site.id),
                    ("state", "=", "active"),
                    ("code_hash", "=", self._concierge_hash(site, code)),
                ]
            )
            if not taken:
                return code

    @transition
    def _concierge_close(self, state, method=None):
        """End the codes: ``used`` (with ``method``), ``expired`` or
        ``revoked``. Their compartments are free again, but for a used
        drop-off code: the item is in it until the concierge takes it out."""
        self._check_state(("active",), self.env._("Closing the code"))
        now = fields.Datetime.now()
        vals = {"state": state, "closed_date": now}
        if state == "used":
            vals.update(used_date=now, used_method=method, used_by_id=self.env.uid)
        dropped = self.filtered(lambda c: c.kind == "dropoff" and state == "used")
        dropped.sudo().write(vals)
        (self - dropped).sudo().write({**vals, "released_date": now})
        (self - dropped).compartment_id.sudo()._concierge_free()
        dropped.compartment_id.sudo()._concierge_occupy()
        if state == "used":
            for code in self.sudo():
                code.after_hours = not code.site_id._concierge_is_open(now)
        return True

    def _concierge_collect(self, method):
        """The beneficiary opened the compartment (``method``: locker_code,
        locker_qr): a pick-up hands its items back (the request closes when
        all is delivered, the compartment is free), a drop-off receives the
        item in the compartment. Returns the compartment."""
        self.ensure_one()
        if self.kind == "dropoff":
            return self._concierge_drop_off(method)
        compartment = self.compartment_id
        items = self.custody_item_ids.filtered(lambda i: i.state == "ready")
        self._concierge_close("used", method)
        items.sudo()._hand_back_items(method)
        self.request_id.sudo()._close_if_complete()
        compartment._concierge_send_open_event()
        return compartment

    def _concierge_drop_off(self, method):
        """The beneficiary opened the reserved compartment to leave the item:
        the request is confirmed and its item taken into custody, received
        in the compartment (stock follows, owned by the beneficiary); the
        site's manager is asked to fetch it. Returns the compartment."""
        self.ensure_one()
        compartment = self.compartment_id
        request = self.request_id.sudo()
        self._concierge_close("used", method)
        request.action_confirm()
        items = request.custody_item_ids.filtered(
            lambda i: i.compartment_id == compartment and i.state == "received"
        )
        self.sudo().custody_item_ids = [Command.set(items.ids)]
        request.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._(
                "Fetch the item dropped off in compartment %(compartment)s",
                compartment=compartment.code,
            ),
            user_id=(request.site_id.manager_id or request.user_id).id
            or self.env.ref("base.user_admin").id,
        )
        request.message_post(
            body=self.env._(
                "Item %(tickets)s dropped off in compartment %(compartment)s.",
                tickets=", ".join(items.mapped("name")) or "-",
                compartment=compartment.display_name,
            )
        )
        compartment._concierge_send_open_event()
        return compartment

    def _concierge_expire(self):
        """Codes not used in time: the items come back to the desk, the
        compartment is free, the request says so. All the codes at once:
        one batch of stock moves."""
        items = self.custody_item_ids.filtered(
            lambda i: i.state == "ready" and i.compartment_id
        )
        self._concierge_close("expired")
        items.sudo()._concierge_take_out()
        for code in self:
            if code.kind == "dropoff":
                body = self.env._(
                    "Nothing was dropped off in time: compartment "
                    "%(compartment)s is free again.",
                    compartment=code.compartment_id.display_name,
                )
            else:
                body = self.env._(
                    "The pick-up code expired: items %(tickets)s are back at "
                    "the desk, compartment %(compartment)s is free.",
                    tickets=", ".join((code.custody_item_ids & items).mapped("name"))
                    or "-",
                    compartment=code.compartment_id.display_name,
                )
            code.request_id.sudo().message_post(body=body)
        return True

    def _concierge_remind(self):
        """Remind the beneficiaries whose items still wait (mail and SMS):
        the compartment, the deadline, the QR link (the code itself is kept
        nowhere)."""
        template = self.env.ref("concierge_services.mail_template_pickup_reminder")
        for code in self.sudo():
            if code.partner_id.email:
                template.send_mail(code.id, email_values={"auto_delete": True})
            code._concierge_queue_sms(code._concierge_reminder_sms_text())
        self.sudo().write({"reminder_date": fields.Datetime.now()})
        return True

    @api.model
    def _concierge_to_remind(self):
        """The pick-up codes whose reminder is due: live, not reminded, their
        expiry within the company's reminder delay, and issued before that
        delay began (a code valid for less time is not reminded)."""
        now = fields.Datetime.now()
        to_remind = self.browse()
        companies = (
            self.env["res.company"]
            .sudo()
            .search([("concierge_pickup_reminder_hours", ">", 0)])
        )
        for company in companies:
            delay = timedelta(hours=company.concierge_pickup_reminder_hours)
            codes = self.sudo().search(
                [
                    ("company_id", "=", company.id),
                    ("kind", "=", "pickup"),
                    ("state", "=", "active"),
                    ("reminder_date", "=", False),
                    ("expiry_date", ">", now),
                    ("expiry_date", "<=", now + delay),
                ]
            )
            to_remind |= codes.filtered(
                lambda c, d=delay: c.issue_date < c.expiry_date - d
            )
        return to_remind

    @api.model
    def _cron_expire(self):
        """Scheduled (hourly): remind the beneficiaries before their code
        expires, then expire the codes past their validity."""
        self._concierge_to_remind()._concierge_remind()
        expired = self.sudo().search(
            [("state", "=", "active"), ("expiry_date", "<=", fields.Datetime.now())]
        )
        expired._concierge_expire()
        return True

    def _concierge_deadline(self):
        """The expiry, as the beneficiary reads it (the site's time zone)."""
        self.ensure_one()
        return misc.format_datetime(
            self.env,
            self.expiry_date,
            tz=self.partner_id.tz or self.site_id._concierge_tz(),
            dt_format="short",
        )

    # ------------------------------------------------------------------
    # messages
    # ------------------------------------------------------------------
    def _concierge_send_code(self, code):
        """Send ``code`` to the beneficiary by mail (deleted once sent: the
        code is kept nowhere) and by SMS where the company sends them."""
        self.ensure_one()
        template = self.env.ref(
            "concierge_services.mail_template_dropoff_code"
            if self.kind == "dropoff"
            else "concierge_services.mail_template_pickup_code"
        )
        if self.partner_id.email:
            template.sudo().with_context(concierge_pickup_code=code).send_mail(
                self.id, email_values={"auto_delete": True}
            )
        return self._concierge_queue_sms(self._concierge_sms_text(code))

    def _concierge_queue_sms(self, body):
        """Queue ``body`` for the beneficiary's mobile, where the company
        sends SMS: Odoo's SMS scheduler sends it and deletes it once sent."""
        self.ensure_one()
        number = self.partner_id.mobile or self.partner_id.phone
        if not (self.company_id.concierge_pickup_sms and number):
            return False
        self.env["sms.sms"].sudo().create(
            {"number": number, "partner_id": self.partner_id.id, "body": body}
        )
        return True

    def _concierge_sms_values(self):
        """The language environment and the values of the SMS texts: the
        compartment, the site's address, the deadline."""
        lang = self.partner_id.lang or self.env.lang
        code = self.with_context(lang=lang)
        site = self.site_id
        address = ", ".join(part for part in (site.street, site.city) if part)
        return code.env, {
            "compartment": self.compartment_id.code,
            "address": address or site.name,
            "deadline": code._concierge_deadline(),
        }

    def _concierge_sms_text(self, code):
        """The SMS of the code, in the beneficiary's language, within 160
        characters: the code, the compartment, the site's address, the
        deadline."""
        self.ensure_one()
        env, values = self._concierge_sms_values()
        if self.kind == "dropoff":
            text = env._(
                "Code %(code)s: locker %(compartment)s is reserved for your "
                "item, %(address)s, until %(deadline)s.",
                code=code,
                **values,
            )
        else:
            text = env._(
                "Code %(code)s: your items wait in locker %(compartment)s, "
                "%(address)s, until %(deadline)s.",
                code=code,
                **values,
            )
        return text[:SMS_LENGTH]

    def _concierge_reminder_sms_text(self):
        """The reminder SMS (without the code, kept nowhere), in the
        beneficiary's language, within 160 characters."""
        self.ensure_one()
        env, values = self._concierge_sms_values()
        text = env._(
            "Reminder: your items wait in locker %(compartment)s, %(address)s, "
            "until %(deadline)s. Code lost? Ask the desk.",
            **values,
        )
        return text[:SMS_LENGTH]

    def _concierge_pickup_url(self):
        self.ensure_one()
        base = self.get_base_url()
        token = self._concierge_token()
        return f"{base}/concierge/pickup/{self.site_id.id}?token={token}"


class ConciergePickupAttempt(models.Model):
    """A code typed (or a QR scanned) at a locker kiosk: the wrong ones are
    counted per site and per address to stop anyone trying codes."""

    _name = "concierge.pickup.attempt"
    _description = "Pick-up attempt at a locker kiosk"
    _order = "id desc"

    site_id = fields.Many2one(
        "concierge.site", required=True, ondelete="cascade", index=True
    )
    ip_address = fields.Char(string="IP address", required=True, index=True)
    success = fields.Boolean(readonly=True)

    @api.model
    def _concierge_blocked_until(self, site, ip_address):
        """When the kiosk of ``site`` accepts codes from ``ip_address`` again
        (False: now): after MAX_FAILURES wrong codes from that address, or
        SITE_MAX_FAILURES from anywhere, within FAILURE_WINDOW, it refuses
        for COOL_DOWN after the last one."""
        since = fields.Datetime.now() - FAILURE_WINDOW
        failures = self.sudo().search(
            [
                ("site_id", "=", site.id),
                ("success", "=", False),
                ("create_date", ">=", since),
            ],
            order="create_date desc, id desc",
        )
        from_address = failures.filtered(lambda a: a.ip_address == ip_address)
        for attempts, limit in (
            (from_address, MAX_FAILURES),
            (failures, SITE_MAX_FAILURES),
        ):
            if len(attempts) >= limit:
                until = attempts[0].create_date + COOL_DOWN
                if until > fields.Datetime.now():
                    return until
        return False

    @api.model
    def _cron_purge(self):
        """Keep the attempts one day: IP addresses are personal data."""
        old = fields.Datetime.now() - timedelta(days=1)
        self.sudo().search([("create_date", "<", old)]).unlink()
        return True
