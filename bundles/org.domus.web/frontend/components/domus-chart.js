// <domus-chart>: a Chart.js chart on a canvas in its own shadow root. The numbers are also in a visually
// hidden table that the Java wrapper (org.domus.web.components.DomusChart) puts into the light DOM.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip
} from 'chart.js';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip
);

const PALETTE = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#c62828', '#00838f', '#9e9d24', '#4e342e'];

class DomusChart extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>
      :host { display: block; position: relative; min-height: 240px; }
      .canvas { position: relative; width: 100%; height: 100%; min-height: 240px; }
      ::slotted(.domus-chart-table) {
        position: absolute !important; width: 1px !important; height: 1px !important; padding: 0 !important;
        margin: -1px !important; overflow: hidden !important; clip: rect(0, 0, 0, 0) !important;
        white-space: nowrap !important; border: 0 !important;
      }
    </style><div class="canvas"><canvas role="img"></canvas></div><slot></slot>`;
    this._canvas = root.querySelector('canvas');
    if (Object.prototype.hasOwnProperty.call(this, 'config')) {
      const value = this.config;
      delete this.config;
      this.config = value;
    }
  }

  connectedCallback() {
    this._render();
  }

  disconnectedCallback() {
    if (this._chart) {
      this._chart.destroy();
      this._chart = null;
    }
  }

  set config(value) {
    this._config = value;
    this._render();
  }

  get config() {
    return this._config;
  }

  _render() {
    if (this._chart) {
      this._chart.destroy();
      this._chart = null;
    }
    const config = this._config;
    if (!config || !this.isConnected) {
      return;
    }
    this._canvas.setAttribute('aria-label', config.title || '');
    const doughnut = config.type === 'doughnut';
    const datasets = config.series.map((s, i) => {
      const colour = PALETTE[i % PALETTE.length];
      return {
        label: s.name,
        data: s.values,
        backgroundColor: doughnut ? config.labels.map((_, j) => PALETTE[j % PALETTE.length]) : colour,
        borderColor: doughnut ? '#ffffff' : colour,
        fill: false
      };
    });
    this._chart = new Chart(this._canvas, {
      type: config.type,
      data: { labels: config.labels, datasets },
      options: {
        // Deterministic pictures: no animation, no device-dependent transitions.
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          title: { display: !!config.title, text: config.title },
          legend: { display: doughnut || datasets.length > 1 }
        }
      }
    });
  }
}

if (!customElements.get('domus-chart')) {
  customElements.define('domus-chart', DomusChart);
}
