import { render } from 'preact';
import { Options } from '../../src/options/Options';
import '../../src/card/card.css';
import '../../src/ui/pages.css';

render(<Options />, document.getElementById('app')!);
