// Sortable tables: a click on a heading with data-sort sorts the rows by that column's data-value
// (raw numbers, so that Vietnamese-formatted text is never parsed); a second click reverses.
(function () {
  'use strict';
  document.querySelectorAll('table.sortable').forEach((table) => {
    const headings = Array.from(table.querySelectorAll('thead th'));
    headings.forEach((heading, column) => {
      if (!heading.dataset.sort) {
        return;
      }
      heading.classList.add('sort-heading');
      heading.tabIndex = 0;
      const sort = () => {
        const ascending = heading.getAttribute('aria-sort') !== 'ascending' && heading.getAttribute('aria-sort') !== null
          ? true : heading.getAttribute('aria-sort') === null ? heading.dataset.sort === 'text' : false;
        headings.forEach((other) => other.removeAttribute('aria-sort'));
        heading.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const body = table.tBodies[0];
        const value = (row) => row.cells[column].dataset.value;
        const rows = Array.from(body.rows);
        rows.sort((a, b) => {
          const x = value(a);
          const y = value(b);
          // missing values always last
          if (x === undefined || x === '') { return (y === undefined || y === '') ? 0 : 1; }
          if (y === undefined || y === '') { return -1; }
          const order = heading.dataset.sort === 'number' ? Number(x) - Number(y) : x.localeCompare(y, 'vi');
          return ascending ? order : -order;
        });
        rows.forEach((row) => body.appendChild(row));
      };
      heading.addEventListener('click', sort);
      heading.addEventListener('keydown', (event) => { if (event.key === 'Enter') { sort(); } });
    });
  });
})();
