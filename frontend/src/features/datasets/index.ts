export { DatasetsPage } from './components/DatasetsPage';
export { DatasetDetailPage } from './components/DatasetDetailPage';
export { useDataset } from './api/get-dataset';
