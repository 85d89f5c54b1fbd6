// Emporium's storefront script: small additions to pages that work without it. Suggestions as you type
// in the search box (an ARIA combobox: arrows move, Enter opens, Escape closes), and sort on change.
document.documentElement.classList.add('js');

// On a phone the filters fold away behind their heading, so the results come first.
const filters = document.getElementById('filters');
if (filters && matchMedia('(max-width: 799px)').matches) filters.open = false;

for (const form of document.querySelectorAll('form[data-autosubmit]')) {
  form.addEventListener('change', () => form.requestSubmit());
}

const input = document.getElementById('q');
const list = document.getElementById('suggestions');
if (input && list) {
  let shown = [];
  let active = -1;
  let timer;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    shown = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const mark = (index) => {
    active = index;
    list.querySelectorAll('li').forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) input.setAttribute('aria-activedescendant', `suggestion-${index}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const show = (suggestions) => {
    shown = suggestions;
    active = -1;
    list.replaceChildren(
      ...suggestions.map((s, i) => {
        const li = document.createElement('li');
        li.id = `suggestion-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = s.name;
        li.addEventListener('mousedown', (event) => {
          event.preventDefault();
          location.href = `/item/${encodeURIComponent(s.itemId)}`;
        });
        return li;
      }),
    );
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', String(suggestions.length > 0));
  };

  const ask = async () => {
    const q = input.value.trim();
    if (q.length < 2) return close();
    const mine = ++asked;
    try {
      const res = await fetch(`/suggest?q=${encodeURIComponent(q)}`, { headers: { accept: 'application/json' } });
      const body = await res.json();
      // An answer to an older keystroke that arrives late is dropped.
      if (mine === asked && input.value.trim() === q) show(body.suggestions ?? []);
    } catch {
      close();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 120);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      // Positions run from -1 (the text box itself) to the last suggestion, and wrap around.
      if (event.key === 'ArrowDown') mark(active + 1 >= shown.length ? -1 : active + 1);
      else mark(active - 1 < -1 ? shown.length - 1 : active - 1);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      location.href = `/item/${encodeURIComponent(shown[active].itemId)}`;
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}
