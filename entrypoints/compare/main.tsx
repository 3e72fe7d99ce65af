import { mountApp } from '@/components/mount-app';
import App from './App';
import './compare.css';

void mountApp(App);
