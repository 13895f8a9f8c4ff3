# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestXmlRpc(HttpCase):
    """The reviewer's check, through XML-RPC on the demo data."""

    def setUp(self):
        super().setUp()
        login = "rpc_volunteer_manager"
        new_test_user(
            self.env,
            login=login,
            password=login,
            groups="concierge_base.group_concierge_manager,"
            "account.group_account_readonly",
        )
        db = self.env.cr.dbname
        self.uid = self.xmlrpc_common.authenticate(db, login, login, {})
        self.assertTrue(self.uid)

        def call(model, method, *args, **kwargs):
            return self.xmlrpc_object.execute_kw(
                db, self.uid, login, model, method, list(args), kwargs
            )

        self.call = call

    def test_demo_valuation_posted_twice_makes_one_entry_of_hours_times_rate(self):
        # the demo valuation, by its XML id: the test fails if it is missing
        valuation_id = self.env.ref("concierge_volunteers.valuation_last_month").id
        fields = ["name", "state", "date_from", "date_to", "rate", "move_id"]
        fields += ["company_id", "journal_id"]
        [before] = self.call(
            "concierge.volunteer.valuation", "read", [valuation_id], fields=fields
        )
        self.assertEqual(before["state"], "posted", "the demo valuation is posted")
        journal_domain = [("journal_id", "=", before["journal_id"][0])]
        entries_before = self.call("account.move", "search_count", journal_domain)

        for _twice in range(2):
            result = self.call(
                "concierge.volunteer.valuation", "action_post", [valuation_id]
            )
            self.assertIs(result, True)

        [after] = self.call(
            "concierge.volunteer.valuation", "read", [valuation_id], fields=fields
        )
        self.assertEqual(after["state"], "posted")
        self.assertEqual(after["move_id"], before["move_id"])
        entries = self.call(
            "account.move",
            "search_read",
            [("ref", "=", after["name"])],
            fields=["state", "journal_id"],
        )
        self.assertEqual(len(entries), 1, "one entry for the period")
        self.assertEqual(entries[0]["id"], after["move_id"][0])
        self.assertEqual(entries[0]["state"], "posted")
        self.assertEqual(
            self.call("account.move", "search_count", journal_domain),
            entries_before,
            "posting again created no entry",
        )

        # hours times rate, from the attendance records of the period
        period = [
            ("company_id", "=", after["company_id"][0]),
            ("date", ">=", after["date_from"]),
            ("date", "<=", after["date_to"]),
        ]
        attended = self.call(
            "concierge.volunteer.attendance",
            "search_read",
            [*period, ("state", "=", "attended")],
            fields=["hours", "shift_id"],
        )
        absent = self.call(
            "concierge.volunteer.attendance",
            "search_read",
            [*period, ("state", "=", "absent")],
            fields=["hours"],
        )
        self.assertGreaterEqual(len(attended), 10)
        self.assertTrue(absent, "the demo has absent volunteers in the period")
        self.assertEqual(sum(a["hours"] for a in absent), 0.0)
        shifts = self.call(
            "concierge.volunteer.shift",
            "read",
            list({a["shift_id"][0] for a in attended}),
            fields=["duration"],
        )
        duration = {shift["id"]: shift["duration"] for shift in shifts}
        hours = sum(duration[a["shift_id"][0]] for a in attended)
        self.assertEqual(hours, sum(a["hours"] for a in attended))
        expected = round(hours * after["rate"], 2)
        self.assertGreater(expected, 0)

        lines = self.call(
            "account.move.line",
            "search_read",
            [("move_id", "=", after["move_id"][0])],
            fields=["debit", "credit"],
        )
        self.assertAlmostEqual(sum(line["debit"] for line in lines), expected)
        self.assertAlmostEqual(sum(line["credit"] for line in lines), expected)

    def test_demo_request_button_lists_its_delivery_shift(self):
        request_id = self.env.ref("concierge_services.request_germaine_delivery").id
        shift_id = self.env.ref("concierge_volunteers.shift_delivery_1").id
        [request] = self.call(
            "concierge.service.request",
            "read",
            [request_id],
            fields=["state", "concierge_volunteer_shift_count"],
        )
        self.assertEqual(request["state"], "done", "the volunteer delivered it")
        self.assertEqual(request["concierge_volunteer_shift_count"], 1)
        action = self.call(
            "concierge.service.request", "action_view_volunteer_shifts", [request_id]
        )
        self.assertEqual(action["res_model"], "concierge.volunteer.shift")
        self.assertEqual(
            self.call("concierge.volunteer.shift", "search", action["domain"]),
            [shift_id],
        )
        self.assertEqual(action["context"]["default_service_request_id"], request_id)

    def test_shift_and_attendance_buttons_answer_true(self):
        """Every workflow button answers something XML-RPC can marshal, and
        an illegal transition is a Fault with the sentence, not a change."""
        mission = self.env["concierge.volunteer.mission"].search([], limit=1)
        volunteer = self.env["res.partner"].search(
            [("concierge_is_volunteer", "=", True)], limit=1
        )
        self.assertTrue(mission and volunteer, "the demo has missions and volunteers")
        shift_id = self.call(
            "concierge.volunteer.shift",
            "create",
            {
                "mission_id": mission.id,
                "date_start": "2031-05-06 08:00:00",
                "date_end": "2031-05-06 11:00:00",
                "capacity": 2,
            },
        )
        attendance_id = self.call(
            "concierge.volunteer.attendance",
            "create",
            {"shift_id": shift_id, "partner_id": volunteer.id},
        )
        for method in ("action_absent", "action_attended"):
            model = "concierge.volunteer.attendance"
            self.assertIs(self.call(model, method, [attendance_id]), True, method)
        for method in ("action_cancel", "action_draft", "action_open", "action_done"):
            result = self.call("concierge.volunteer.shift", method, [shift_id])
            self.assertIs(result, True, method)
        with (
            mute_logger("odoo.http"),
            self.assertRaisesRegex(Exception, "Resetting to draft is not possible"),
        ):
            self.call("concierge.volunteer.shift", "action_draft", [shift_id])
        [shift] = self.call(
            "concierge.volunteer.shift", "read", [shift_id], fields=["state"]
        )
        self.assertEqual(shift["state"], "done")

    def test_create_accounts_setting_answers_true(self):
        db = self.env.cr.dbname
        admin = self.xmlrpc_common.authenticate(db, "admin", "admin", {})

        def as_admin(method, *args):
            return self.xmlrpc_object.execute_kw(
                db, admin, "admin", "res.config.settings", method, list(args)
            )

        settings_id = as_admin("create", {})
        result = as_admin("action_concierge_volunteer_create_accounts", [settings_id])
        self.assertIs(result, True)
