// Progressive enhancement only: every page works without this file.
document.addEventListener('submit', function (e) {
    var form = e.target;
    var message = form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        e.preventDefault();
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
