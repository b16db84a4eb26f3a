import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Placeholder shell until the app-shell issue lands: states plainly what exists. */
function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>DVK Atlas</h1>
      <p>Giao diện đang được xây dựng. Dùng dòng lệnh `dvk` để nhập và truy vấn dữ liệu.</p>
    </main>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
