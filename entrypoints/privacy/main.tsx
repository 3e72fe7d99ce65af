import { mountApp } from '@/components/mount-app';
import App from './App';
import './privacy.css';

void mountApp(App);
