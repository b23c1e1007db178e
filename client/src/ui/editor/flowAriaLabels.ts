import type { AriaLabelConfig } from '@xyflow/react';
import type { Translate } from '../../i18n/i18n';

/** React Flow's built-in accessible names and descriptions, translated. */
export function flowAriaLabels(t: Translate): Partial<AriaLabelConfig> {
  return {
    'node.a11yDescription.default': t('rf.nodeDesc'),
    'node.a11yDescription.keyboardDisabled': t('rf.nodeDesc'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('rf.moved', { direction, x, y }),
    'edge.a11yDescription.default': t('rf.edgeDesc'),
    'controls.ariaLabel': t('rf.controls'),
    'controls.zoomIn.ariaLabel': t('rf.zoomIn'),
    'controls.zoomOut.ariaLabel': t('rf.zoomOut'),
    'controls.fitView.ariaLabel': t('rf.fitView'),
    'minimap.ariaLabel': t('canvas.minimap'),
    'handle.ariaLabel': t('rf.handle'),
  };
}
