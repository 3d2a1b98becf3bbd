/* Kommunförbundet Kalmar län: sizes this site's embedded charts to their content.
   Paste beside the iframe: <script src="…/embed.js" async></script>. No dependencies.
   An embed posts {type: "kfkl-embed:height", height: <integer>} when its height changes;
   a message counts only if it comes from this script's origin, from one of the
   iframes showing that origin, and has exactly that shape. Nothing in it is run. */
(function () {
  if (window.kfklEmbed) return;
  window.kfklEmbed = 1;
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src, location.href).origin;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || typeof data !== 'object') return;
    var keys = Object.keys(data);
    if (keys.length !== 2 || data.type !== 'kfkl-embed:height') return;
    var height = data.height;
    if (typeof height !== 'number' || Math.floor(height) !== height) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      try {
        if (new URL(frame.src, location.href).origin !== origin) continue;
      } catch (e) {
        continue;
      }
      // A sane range: never a sliver, never a page of its own.
      frame.setAttribute('height', String(Math.max(150, Math.min(4000, height))));
    }
  });
})();
