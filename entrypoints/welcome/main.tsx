import { render } from 'preact';
import { Welcome } from '../../src/welcome/Welcome';
import '../../src/card/card.css';
import '../../src/ui/pages.css';

render(<Welcome />, document.getElementById('app')!);
