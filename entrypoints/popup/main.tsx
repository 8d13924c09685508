import { render } from 'preact';
import { Popup } from '../../src/popup/Popup';
import '../../src/card/card.css';
import '../../src/ui/pages.css';

render(<Popup />, document.getElementById('app')!);
