/** @odoo-module **/
// Copyright 2026 Concierge Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
// The signature box of the driver's page (/my/rounds/<id>): the beneficiary
// draws with a finger (or a mouse); the PNG is sent with the form.

function setupPad(form) {
    const canvas = form.querySelector(".o_concierge_signature_pad");
    const field = form.querySelector(".o_concierge_signature_data");
    const clear = form.querySelector(".o_concierge_signature_clear");
    if (!canvas || !field || canvas.dataset.ready) {
        return;
    }
    canvas.dataset.ready = "1";
    const context = canvas.getContext("2d");
    let drawing = false;
    let drawn = false;

    function resize() {
        // the drawing keeps the width the box has on the screen
        const width = Math.max(Math.floor(canvas.clientWidth), 1);
        if (canvas.width !== width) {
            canvas.width = width;
            drawn = false;
        }
        context.lineWidth = 2.5;
        context.lineCap = "round";
        context.strokeStyle = "#000";
    }
    function point(event) {
        const box = canvas.getBoundingClientRect();
        return [event.clientX - box.left, event.clientY - box.top];
    }
    canvas.style.touchAction = "none";
    canvas.addEventListener("pointerdown", (event) => {
        resize();
        drawing = true;
        canvas.setPointerCapture(event.pointerId);
        context.beginPath();
        context.moveTo(...point(event));
    });
    canvas.addEventListener("pointermove", (event) => {
        if (!drawing) {
            return;
        }
        context.lineTo(...point(event));
        context.stroke();
        drawn = true;
    });
    const stop = () => {
        drawing = false;
    };
    canvas.addEventListener("pointerup", stop);
    canvas.addEventListener("pointercancel", stop);
    if (clear) {
        clear.addEventListener("click", () => {
            context.clearRect(0, 0, canvas.width, canvas.height);
            drawn = false;
        });
    }
    form.addEventListener("submit", (event) => {
        if (!drawn) {
            event.preventDefault();
            canvas.classList.add("border-danger");
            return;
        }
        field.value = canvas.toDataURL("image/png");
    });
    form.closest("details")?.addEventListener("toggle", resize);
}

function setupAll() {
    document.querySelectorAll(".o_concierge_signature_form").forEach(setupPad);
}

if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupAll);
} else {
    setupAll();
}
