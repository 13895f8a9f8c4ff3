# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError


class ConciergeFundingDeadline(models.Model):
    """A report owed to the funder, followed as an activity."""

    _name = "concierge.funding.deadline"
    _description = "Reporting deadline of a funding agreement"
    _order = "date_deadline, id"

    agreement_id = fields.Many2one(
        "concierge.funding.agreement",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    name = fields.Char(
        string="Report", required=True, help="e.g. Interim activity report"
    )
    date_deadline = fields.Date(string="Deadline", required=True)
    activity_id = fields.Many2one("mail.activity", readonly=True, copy=False)
    scheduled = fields.Boolean(readonly=True, copy=False)
    report_ids = fields.One2many(
        "concierge.funding.report", "deadline_id", string="Financial reports"
    )
    state = fields.Selection(
        [
            ("to_schedule", "To schedule"),
            ("planned", "Planned"),
            ("done", "Done"),
        ],
        compute="_compute_state",
    )

    @api.depends("activity_id", "scheduled")
    def _compute_state(self):
        for deadline in self:
            if deadline.activity_id:
                deadline.state = "planned"
            elif deadline.scheduled:
                deadline.state = "done"
            else:
                deadline.state = "to_schedule"

    @api.model_create_multi
    def create(self, vals_list):
        deadlines = super().create(vals_list)
        deadlines.filtered(
            lambda d: d.agreement_id.state == "signed"
        )._schedule_activities()
        return deadlines

    def _prepare_activity_vals(self):
        self.ensure_one()
        agreement = self.agreement_id
        return {
            "res_model_id": self.env["ir.model"]._get_id(agreement._name),
            "res_id": agreement.id,
            "activity_type_id": self.env.ref(
                "concierge_base.mail_activity_type_funder_report"
            ).id,
            "summary": self.name,
            "date_deadline": self.date_deadline,
            "user_id": (agreement.user_id or self.env.user).id,
        }

    def _schedule_activities(self):
        """One activity per deadline, created once."""
        todo = self.filtered(lambda d: not d.scheduled)
        # followers first: a batch of activities would subscribe them twice
        for agreement in todo.agreement_id:
            user = agreement.user_id or self.env.user
            agreement.sudo().message_subscribe(partner_ids=user.partner_id.ids)
        activities = (
            self.env["mail.activity"]
            .sudo()
            .create([deadline._prepare_activity_vals() for deadline in todo])
        )
        for deadline, activity in zip(todo, activities, strict=True):
            deadline.write({"activity_id": activity.id, "scheduled": True})
        return activities

    def action_create_report(self):
        """The draft financial report of this deadline, from the start of the
        agreement to the deadline (or the end of the agreement); the one
        already made when there is one."""
        self.ensure_one()
        if self.report_ids:
            return self.report_ids[:1]._get_form_action()
        if self.agreement_id.state not in ("signed", "closed"):
            raise UserError(
                self.env._(
                    "Sign the agreement %(name)s before making its financial report.",
                    name=self.agreement_id.name,
                )
            )
        return self.agreement_id._create_reports(self)._get_form_action()

    def _cancel_activities(self):
        self.activity_id.sudo().unlink()
        self.write({"scheduled": False})
