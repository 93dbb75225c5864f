// Views are Preact components written as tagged templates (htm): no JSX compile step to keep in sync.
import { h } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
