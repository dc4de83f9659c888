// The board asks for itself again every three seconds and swaps in the fresh columns: a change made elsewhere
// (a Bitrix webhook, a Kaspi payment, another person) shows without a reload. Nothing else runs here.
(function () {
  var board = document.getElementById("board");
  if (!board) return;
  var url = board.getAttribute("data-refresh") || "/admin";
  var separator = url.indexOf("?") >= 0 ? "&" : "?";
  setInterval(function () {
    fetch(url + separator + "fragment=board", { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var open = Array.prototype.map.call(board.querySelectorAll("details[open]"), function (d) { return d.getAttribute("data-status"); });
        board.innerHTML = html;
        open.forEach(function (s) { var d = board.querySelector('details[data-status="' + s + '"]'); if (d) d.open = true; });
      })
      .catch(function () { });
  }, 3000);
})();
