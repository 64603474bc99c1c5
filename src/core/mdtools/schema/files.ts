// The schemas, as text, under the names their imports use. Loaded only when a schema check runs
// (validate.ts imports this module dynamically): in the page it is a separate chunk.
// Origins and licences: ./xsd/ORIGINS.md.
import assertion from './xsd/saml-schema-assertion-2.0.xsd?raw';
import metadata from './xsd/saml-schema-metadata-2.0.xsd?raw';
import rpi from './xsd/saml-metadata-rpi-v1.0.xsd?raw';
import shibmd from './xsd/shibboleth-metadata-1.0.xsd?raw';
import attr from './xsd/sstc-metadata-attr.xsd?raw';
import discovery from './xsd/sstc-saml-idp-discovery.xsd?raw';
import algsupport from './xsd/sstc-saml-metadata-algsupport.xsd?raw';
import ui from './xsd/sstc-saml-metadata-ui-v1.0.xsd?raw';
import xenc from './xsd/xenc-schema.xsd?raw';
import xml from './xsd/xml.xsd?raw';
import dsig from './xsd/xmldsig-core-schema.xsd?raw';

/**
 * The entry schema: imports every namespace whose elements metadata carries, so that lax
 * wildcards (md:Extensions is <any namespace="##other" processContents="lax"/>) validate the
 * extensions the tools know and let others through, as the SAML metadata schema intends.
 */
export const ENTRY_SCHEMA = `<?xml version="1.0"?>
<schema xmlns="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:samlscope:metadata-schema-set">
  <import namespace="urn:oasis:names:tc:SAML:2.0:metadata" schemaLocation="saml-schema-metadata-2.0.xsd"/>
  <import namespace="urn:oasis:names:tc:SAML:metadata:rpi" schemaLocation="saml-metadata-rpi-v1.0.xsd"/>
  <import namespace="urn:oasis:names:tc:SAML:metadata:ui" schemaLocation="sstc-saml-metadata-ui-v1.0.xsd"/>
  <import namespace="urn:oasis:names:tc:SAML:metadata:attribute" schemaLocation="sstc-metadata-attr.xsd"/>
  <import namespace="urn:mace:shibboleth:metadata:1.0" schemaLocation="shibboleth-metadata-1.0.xsd"/>
  <import namespace="urn:oasis:names:tc:SAML:metadata:algsupport" schemaLocation="sstc-saml-metadata-algsupport.xsd"/>
  <import namespace="urn:oasis:names:tc:SAML:profiles:SSO:idp-discovery-protocol" schemaLocation="sstc-saml-idp-discovery.xsd"/>
</schema>`;

/** File name → text, including the other names the schemas import them by (never fetched: libxml2 gets no network). */
export const SCHEMA_FILES: ReadonlyArray<{ fileName: string; contents: string }> = [
  { fileName: 'saml-schema-metadata-2.0.xsd', contents: metadata },
  { fileName: 'classpath:/schema/saml-schema-metadata-2.0.xsd', contents: metadata },
  { fileName: 'saml-schema-assertion-2.0.xsd', contents: assertion },
  { fileName: 'sstc-saml-schema-assertion-2.0.xsd', contents: assertion },
  { fileName: 'xmldsig-core-schema.xsd', contents: dsig },
  { fileName: 'xenc-schema.xsd', contents: xenc },
  { fileName: 'xml.xsd', contents: xml },
  { fileName: 'http://www.w3.org/2001/xml.xsd', contents: xml },
  { fileName: 'saml-metadata-rpi-v1.0.xsd', contents: rpi },
  { fileName: 'sstc-saml-metadata-ui-v1.0.xsd', contents: ui },
  { fileName: 'sstc-metadata-attr.xsd', contents: attr },
  { fileName: 'shibboleth-metadata-1.0.xsd', contents: shibmd },
  { fileName: 'sstc-saml-metadata-algsupport.xsd', contents: algsupport },
  { fileName: 'sstc-saml-idp-discovery.xsd', contents: discovery },
];
