// The dashboard's live board: each report the server pushes (server-sent events) replaces the board in
// place; the browser reconnects by itself and sends the last report's id, so nothing is missed.
const board = document.getElementById('board');
const status = document.getElementById('live-status');
if (board && 'EventSource' in window) {
  const source = new EventSource(board.dataset.stream);
  source.addEventListener('open', () => {
    status.textContent = 'Live: updates arrive by themselves.';
  });
  source.addEventListener('board', (event) => {
    board.innerHTML = event.data;
  });
  source.addEventListener('error', () => {
    status.textContent =
      source.readyState === EventSource.CLOSED ? 'Not live: reload the page to try again.' : 'Reconnecting…';
  });
}
for (const select of document.querySelectorAll('.board-choice select')) {
  select.addEventListener('change', () => select.form.requestSubmit());
}
