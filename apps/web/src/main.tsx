import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Provider as GraphqlProvider } from 'urql';
import { App } from './app';
import { graphqlClient } from './lib/urql';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element to render the dashboard into.');

createRoot(rootElement).render(
  <StrictMode>
    <GraphqlProvider value={graphqlClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </GraphqlProvider>
  </StrictMode>,
);
