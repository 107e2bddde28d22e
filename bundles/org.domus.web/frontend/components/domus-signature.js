// <domus-signature>: a canvas to sign on with mouse, finger or pen (pointer events). After each stroke the
// picture goes to the server as PNG ('signature-change', detail.png: base64 without the data: prefix);
// clear() empties it and reports an empty picture. The wrapper is org.domus.web.components.SignaturePad.
const INK = '#0d1b3e';
const PAPER = '#ffffff';

class DomusSignature extends HTMLElement {
  static get observedAttributes() {
    return ['width', 'height'];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>
      :host { display: inline-block; max-width: 100%; }
      canvas { display: block; max-width: 100%; touch-action: none; cursor: crosshair;
               border: 1px solid var(--lumo-contrast-30pct, #999); border-radius: var(--lumo-border-radius-m, 4px);
               background: ${PAPER}; }
    </style><canvas part="canvas"></canvas>`;
    this._canvas = root.querySelector('canvas');
    this._context = this._canvas.getContext('2d');
    this._points = 0;
    this._stroke = null;
    this._size();
    this._canvas.addEventListener('pointerdown', (e) => this._down(e));
    this._canvas.addEventListener('pointermove', (e) => this._move(e));
    this._canvas.addEventListener('pointerup', (e) => this._up(e));
    this._canvas.addEventListener('pointercancel', (e) => this._up(e));
  }

  attributeChangedCallback() {
    this._size();
  }

  get empty() {
    return this._points === 0;
  }

  clear() {
    this._paper();
    this._points = 0;
    this._stroke = null;
    this.dispatchEvent(new CustomEvent('signature-change', { detail: { png: '', points: 0 } }));
  }

  _size() {
    this._canvas.width = parseInt(this.getAttribute('width'), 10) || 400;
    this._canvas.height = parseInt(this.getAttribute('height'), 10) || 160;
    this._canvas.setAttribute('aria-label', this.getAttribute('aria-label') || '');
    this._paper();
    this._points = 0;
  }

  _paper() {
    this._context.fillStyle = PAPER;
    this._context.fillRect(0, 0, this._canvas.width, this._canvas.height);
  }

  _at(e) {
    const box = this._canvas.getBoundingClientRect();
    return {
      x: ((e.clientX - box.left) * this._canvas.width) / box.width,
      y: ((e.clientY - box.top) * this._canvas.height) / box.height
    };
  }

  _down(e) {
    e.preventDefault();
    this._canvas.setPointerCapture(e.pointerId);
    const p = this._at(e);
    this._stroke = { id: e.pointerId, last: p };
    this._context.fillStyle = INK;
    this._context.beginPath();
    this._context.arc(p.x, p.y, this._width(e) / 2, 0, 2 * Math.PI);
    this._context.fill();
    this._points++;
  }

  _move(e) {
    if (!this._stroke || this._stroke.id !== e.pointerId) {
      return;
    }
    e.preventDefault();
    const p = this._at(e);
    const c = this._context;
    c.strokeStyle = INK;
    c.lineWidth = this._width(e);
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.beginPath();
    c.moveTo(this._stroke.last.x, this._stroke.last.y);
    c.lineTo(p.x, p.y);
    c.stroke();
    this._stroke.last = p;
    this._points++;
  }

  _up(e) {
    if (!this._stroke || this._stroke.id !== e.pointerId) {
      return;
    }
    this._stroke = null;
    const png = this._canvas.toDataURL('image/png').substring('data:image/png;base64,'.length);
    this.dispatchEvent(new CustomEvent('signature-change', { detail: { png, points: this._points } }));
  }

  // A pen's pressure makes the line thicker; mouse and finger report 0.5.
  _width(e) {
    const pressure = e.pointerType === 'pen' && e.pressure > 0 ? e.pressure : 0.5;
    return 1.5 + 3 * pressure;
  }
}

if (!customElements.get('domus-signature')) {
  customElements.define('domus-signature', DomusSignature);
}
