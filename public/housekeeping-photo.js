// A camera's picture is several megabytes; a ticket's photo may be 600 KiB. The tablet shrinks
// it (longest side 1280 px, JPEG) before the report is sent, into the hidden field the report's
// form posts. `<input type=file data-photo-into=ID>` fills `#ID` and says how it went in
// `#ID-status`; the preview is `#ID-preview`.
(function () {
  const LONGEST = 1280;
  const MAX_BYTES = 600 * 1024;
  const say = (id, text) => {
    const status = document.getElementById(id + '-status');
    if (status) status.textContent = text;
  };
  const shrink = (file) =>
    new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => {
        const scale = Math.min(1, LONGEST / Math.max(img.naturalWidth, img.naturalHeight));
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(img.naturalWidth * scale);
        canvas.height = Math.round(img.naturalHeight * scale);
        canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
        for (const quality of [0.85, 0.7, 0.55, 0.4]) {
          const url = canvas.toDataURL('image/jpeg', quality);
          if ((url.length * 3) / 4 <= MAX_BYTES) return resolve(url);
        }
        reject(new Error('too large'));
      };
      img.onerror = () => reject(new Error('not a picture'));
      // A data URL, not an object URL: the page's CSP allows images from data: but not blob:.
      const reader = new FileReader();
      reader.onload = () => (img.src = reader.result);
      reader.onerror = () => reject(new Error('unreadable'));
      reader.readAsDataURL(file);
    });
  document.addEventListener('change', (event) => {
    const input = event.target;
    const id = input && input.dataset && input.dataset.photoInto;
    if (!id) return;
    const field = document.getElementById(id);
    const preview = document.getElementById(id + '-preview');
    field.value = '';
    if (preview) preview.hidden = true;
    const file = input.files && input.files[0];
    if (!file) return say(id, 'No photo.');
    say(id, 'Preparing the photo…');
    shrink(file)
      .then((url) => {
        field.value = url;
        if (preview) {
          preview.src = url;
          preview.hidden = false;
        }
        say(id, 'Photo ready (' + Math.round((url.length * 3) / 4 / 1024) + ' KiB).');
      })
      .catch(() => say(id, 'That file is not a picture the tablet can read; choose another.'));
  });
})();
