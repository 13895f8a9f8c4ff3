# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re

from .common import ServicesCase


class LockerCase(ServicesCase):
    """Three compartments at the test site (small, medium, large), a coat
    cleaning whose coat needs a medium one, a beneficiary with a mobile."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site.write(
            {"street": "5 place de l'Église", "zip": "69670", "city": "Vaugneray"}
        )
        cls.Compartment = cls.env["concierge.locker.compartment"]
        cls.small, cls.medium, cls.large = cls.Compartment.create(
            [
                {"site_id": cls.site.id, "code": code, "size": size, "sequence": seq}
                for seq, (code, size) in enumerate(
                    [("A1", "small"), ("A2", "medium"), ("B1", "large")]
                )
            ]
        )
        cls.cleaning.concierge_locker_size = "medium"
        cls.beneficiary.mobile = "+33612345678"
        cls.company.concierge_pickup_sms = True
        cls.Code = cls.env["concierge.pickup.code"]

    def _ready_request(self):
        request = self._request(site_id=self.site.id)
        request.action_confirm()
        request.action_send_to_provider()
        request.action_ready()
        return request

    def _sent_code(self, request):
        """The code of the last mail sent for the request's locker (the
        code is kept nowhere else)."""
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "concierge.pickup.code"),
                ("res_id", "in", request.pickup_code_ids.ids),
            ],
            order="id desc",
            limit=1,
        )
        return re.search(r"code (\d{6})", mail.subject).group(1), mail

    def _in_locker(self):
        request = self._ready_request()
        request.action_put_in_locker()
        code, __ = self._sent_code(request)
        return request, code

    def _reserve(self, request=None):
        """A coat cleaning asked on the portal, a locker reserved to drop
        the coat off: (request, drop-off code record, code)."""
        request = request or self._request(site_id=self.site.id)
        pickup, code = request._concierge_reserve_dropoff()
        return request, pickup, code
