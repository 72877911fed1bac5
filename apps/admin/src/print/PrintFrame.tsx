/**
 * The frame of every printable document: a toolbar (hidden in print) with what the document lets
 * the user choose, a print button, and a reminder of the paper; then the sheets.
 */
import { useEffect, type ReactNode } from 'react';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, Outlet, useParams } from 'react-router';
import { useT } from '@huanjie/ui';
import './print.css';

/** The routes' element: print pages have no console menu around them. */
export function PrintArea() {
  return <Outlet />;
}

export function PrintFrame({
  title,
  back,
  toolbar,
  loading,
  error,
  children,
}: {
  /** The document's name: the browser prints it in the page header and offers it as the PDF's name. */
  readonly title: string;
  /** The console tab to return to, under /communities/:code. */
  readonly back: string;
  readonly toolbar?: ReactNode;
  readonly loading?: boolean;
  readonly error?: string | null;
  readonly children?: ReactNode;
}) {
  const t = useT();
  const { code = '' } = useParams();
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);

  return (
    <div className="print-page">
      <div className="print-toolbar no-print">
        <Link to={`/communities/${encodeURIComponent(code)}${back}`}>
          <ArrowLeftOutlined /> {t('print.back')}
        </Link>
        <Typography.Text strong style={{ marginLeft: 8 }}>
          {title}
        </Typography.Text>
        <Space wrap style={{ marginLeft: 'auto' }}>
          {toolbar}
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={loading || Boolean(error)} data-testid="print-now" autoFocus>
            {t('print.print')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('print.paper')}
          </Typography.Text>
        </Space>
      </div>
      {error ? <Alert type="error" showIcon title={error} style={{ maxWidth: 720, margin: '0 auto' }} /> : null}
      {loading ? (
        <div style={{ display: 'grid', placeItems: 'center', minHeight: '40vh' }}>
          <Spin size="large" />
        </div>
      ) : (
        children
      )}
    </div>
  );
}
