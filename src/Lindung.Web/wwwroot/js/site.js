// Progressive enhancement only: every page works without this file.
document.addEventListener('submit', function (e) {
    var form = e.target;
    var message = form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        e.preventDefault();
    }
});

// A file input marked data-max-bytes refuses a file over that size before anything is sent, showing its
// data-too-large message under the field; choosing another file clears it. The server checks again.
document.addEventListener('submit', function (e) {
    var inputs = e.target.querySelectorAll('input[type=file][data-max-bytes]');
    for (var i = 0; i < inputs.length; i++) {
        var input = inputs[i];
        var max = Number(input.getAttribute('data-max-bytes'));
        var files = input.files || [];
        for (var j = 0; j < files.length; j++) {
            if (files[j].size > max) {
                e.preventDefault();
                var note = input.parentNode.querySelector('[data-testid="file-too-large"]');
                if (!note) {
                    note = document.createElement('div');
                    note.className = 'alert alert-danger mt-2 mb-0';
                    note.setAttribute('role', 'alert');
                    note.setAttribute('data-testid', 'file-too-large');
                    input.parentNode.appendChild(note);
                    input.addEventListener('change', function () { note.remove(); }, { once: true });
                }
                note.textContent = input.getAttribute('data-too-large');
                input.focus();
                return;
            }
        }
    }
});

// Upload/commit forms marked data-progress="ID" show a progress bar: the upload's own progress through
// XMLHttpRequest, then an indeterminate bar while the server checks or saves. Without JS the form posts normally.
document.addEventListener('submit', function (e) {
    var form = e.target;
    var id = form.getAttribute('data-progress');
    if (!id || e.defaultPrevented || !window.FormData || !window.XMLHttpRequest) {
        return;
    }
    var bar = document.getElementById(id);
    if (!bar) {
        return;
    }
    e.preventDefault();
    bar.classList.remove('d-none');
    var buttons = form.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    var xhr = new XMLHttpRequest();
    var target = new URL(form.getAttribute('action') || window.location.href, window.location.href).href;
    xhr.open('POST', target);
    xhr.upload.addEventListener('progress', function (p) {
        if (p.lengthComputable) {
            bar.max = 100;
            bar.value = Math.round(p.loaded * 100 / p.total);
        }
    });
    xhr.upload.addEventListener('load', function () { bar.removeAttribute('value'); });
    xhr.addEventListener('load', function () {
        // Redirected (e.g. upload → preview): go there. Otherwise show the page the POST returned.
        if (xhr.responseURL && xhr.responseURL !== target && xhr.status < 400) {
            window.location.assign(xhr.responseURL);
        } else {
            document.open();
            document.write(xhr.responseText);
            document.close();
        }
    });
    xhr.send(new FormData(form));
});

// Charts: <canvas data-chart='{"labels":[…],"datasets":[…],"axes":{…}}'> drawn with the vendored Chart.js when the
// page loads it. Rupiah bars on the left axis, people lines on the right; numbers in Indonesian format.
// Chart.js is loaded after this file (page Scripts section): draw once the document is parsed.
document.addEventListener('DOMContentLoaded', function () {
    if (!window.Chart) {
        return;
    }
    var whole = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
    var compact = new Intl.NumberFormat('id-ID', { notation: 'compact', maximumFractionDigits: 1 });
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var spec = JSON.parse(canvas.getAttribute('data-chart'));
        var axes = spec.axes || {};
        if (spec.kind === 'bars') {
            // Coverage per group in %, horizontal; a click on a bar opens the people behind it.
            canvas.lindungChart = new window.Chart(canvas, {
                type: 'bar',
                data: { labels: spec.labels, datasets: spec.datasets },
                options: {
                    indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
                    plugins: { legend: { display: false },
                        tooltip: { callbacks: { label: function (ctx) { return whole.format(ctx.parsed.x) + '%'; } } } },
                    scales: { x: { min: 0, max: 100, ticks: { callback: function (v) { return whole.format(v) + '%'; } } } },
                    onClick: function (evt, elements) {
                        if (elements.length && spec.links && spec.links[elements[0].index]) {
                            window.location.assign(spec.links[elements[0].index]);
                        }
                    }
                }
            });
            return;
        }
        if (spec.kind === 'coverage') {
            canvas.lindungChart = new window.Chart(canvas, {
                data: { labels: spec.labels, datasets: spec.datasets },
                options: {
                    responsive: true, maintainAspectRatio: false, animation: false,
                    scales: { percent: { type: 'linear', min: 0, max: 100,
                        ticks: { callback: function (v) { return whole.format(v) + '%'; } } } }
                }
            });
            return;
        }
        canvas.lindungChart = new window.Chart(canvas, {
            data: { labels: spec.labels, datasets: spec.datasets },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                interaction: { mode: 'index', intersect: false },
                scales: {
                    rupiah: { type: 'linear', position: 'left', beginAtZero: true,
                        title: { display: true, text: axes.rupiah || '' },
                        ticks: { callback: function (v) { return 'Rp ' + compact.format(v); } } },
                    people: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
                        title: { display: true, text: axes.people || '' },
                        ticks: { callback: function (v) { return whole.format(v); } } }
                },
                plugins: {
                    tooltip: { callbacks: { label: function (ctx) {
                        var v = ctx.parsed.y;
                        return ctx.dataset.label + ': ' + (ctx.dataset.yAxisID === 'rupiah' ? 'Rp ' + whole.format(v) : whole.format(v));
                    } } }
                }
            }
        });
    });
});

// Print buttons: <button data-print> prints the page (the print stylesheet hides navigation and controls).
document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('[data-print]') : null;
    if (button) {
        window.print();
    }
});
