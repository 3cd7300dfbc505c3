import { ProductQuality } from '../features/quality';
import { ProductPage } from '../features/registry';

/** A product's page: the registry's record, with its assessments, certificates and export readiness. */
export function ProductScreen({ id }: { id: string | null }) {
  return <ProductPage id={id} sections={(product) => <ProductQuality product={product} />} />;
}
