// Shows the "Print" button of a job description (printing works without it, from the browser).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
